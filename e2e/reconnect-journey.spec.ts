import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { backendListSchema } from '@app/shared/contracts/api/backends';
import { GalleryPage } from './pages/gallery-page';
import { GenerateFormPage } from './pages/generate-form-page';
import { JobPage } from './pages/job-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { WorkflowsPage } from './pages/workflows-page';
import { DESKTOP, launchBrowser, newPage } from './support/browser';
import { E2E_ADMIN, e2eUrl } from './support/env';
import { findStackProcess, type StackProcess } from './support/processes';
import { snap } from './support/screenshots';
import { createMember, login } from './support/users';

const API_SCRIPT = 'apps/api/src/main.js';

async function stackBackendUrl(): Promise<string> {
  const token = await login(E2E_ADMIN);
  const response = await fetch(`${e2eUrl()}/api/backends`, { headers: { Authorization: `Bearer ${token}` } });
  const [backend] = backendListSchema.parse(await response.json()).items;
  if (!backend) throw new Error('the stack has no backend');
  return backend.url;
}

/** The stand-in's `slowFactor` (its own admin route): how long each sampler step takes, times 50 ms. */
async function setStepFactor(backendUrl: string, slowFactor: number): Promise<void> {
  const response = await fetch(`${backendUrl}/sim/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ slowFactor }) });
  if (!response.ok) throw new Error(`sim faults: ${response.status}`);
}

function jobStatus(dataDir: string, jobId: string): string | undefined {
  const db = new Sqlite(join(dataDir, 'app.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select status from jobs where id = ?').get(jobId) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
}

/** SIGKILLs the stack's api (the supervisor starts another after 1 s); returns the one killed. */
function killApi(port: number): StackProcess {
  const api = findStackProcess(API_SCRIPT, port);
  if (!api) throw new Error('no api process for this stack');
  process.kill(api.pid, 'SIGKILL');
  return api;
}

/**
 * Keeps the api the supervisor starts in place of `dead` stopped until `isDone`, so whatever happens
 * meanwhile happens while every browser is cut off. It is caught within milliseconds of its spawn,
 * long before it opens the database.
 */
async function holdRestartedApiUntil(port: number, dead: StackProcess, isDone: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  let held: number | undefined;
  try {
    while (!isDone()) {
      if (Date.now() > deadline) throw new Error('not done within 30 s of the api kill');
      const next = held === undefined ? findStackProcess(API_SCRIPT, port) : undefined;
      if (next && next.pid !== dead.pid) {
        process.kill(next.pid, 'SIGSTOP');
        held = next.pid;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    if (held !== undefined) process.kill(held, 'SIGCONT');
  }
}

async function noReloadMarker(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate('window.__stillTheSamePage = true');
  return async () => (await page.evaluate('window.__stillTheSamePage === true')) === true;
}

describe('J-6 the api killed and restarted while a job finishes', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let backendUrl: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    if (backendUrl) await setStepFactor(backendUrl, 1);
    await context?.close();
    await browser?.close();
    // The next journeys need the api back.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      if ((await fetch(`${e2eUrl()}/api/health`).catch(() => undefined))?.ok) return;
    }
  });

  it(
    'the job page ends showing it done with its output, and the gallery counts it as new, without a reload',
    async () => {
      const member = await createMember('reconnect');
      backendUrl = await stackBackendUrl();
      const opened = await newPage(browser, DESKTOP);
      context = opened.context;
      const jobTab = opened.page;
      jobTab.setDefaultTimeout(30_000);
      const login = new LoginPage(jobTab);
      await login.open();
      await login.signIn(member);
      await jobTab.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();

      // 500 ms a step: the job is still running when the api goes down.
      await setStepFactor(backendUrl, 10);
      await new WorkflowsPage(jobTab).open('Text to image');
      const form = new GenerateFormPage(jobTab);
      await form.number('Steps').fill('20');
      await form.generate();
      const jobId = new URL(jobTab.url()).pathname.split('/').at(-1) ?? '';
      const job = new JobPage(jobTab);
      await job.progressText().waitFor();
      await new ShellPage(jobTab).runningJobs().waitFor();

      const galleryTab = await context.newPage();
      galleryTab.setDefaultTimeout(30_000);
      await galleryTab.goto(`${e2eUrl()}/gallery`);
      await new GalleryPage(galleryTab).empty().waitFor();
      const sameJobTab = await noReloadMarker(jobTab);
      const sameGalleryTab = await noReloadMarker(galleryTab);

      const port = Number(new URL(e2eUrl()).port);
      const dead = killApi(port);
      // The rest of the job now runs in a blink, while no api is there to tell anyone.
      await setStepFactor(backendUrl, 0.1);
      await holdRestartedApiUntil(port, dead, () => jobStatus(dead.env.DATA_DIR ?? '', jobId) === 'completed');
      await snap(jobTab, 'reconnect', '01-api-back');

      await job.status('Done').waitFor();
      await job.output(1).waitFor();
      await new ShellPage(jobTab).runningJobs().waitFor({ state: 'detached' });
      await galleryTab.getByRole('button', { name: 'Show 1 new' }).click();
      await new GalleryPage(galleryTab).tiles().first().waitFor();
      expect(await new GalleryPage(galleryTab).tiles().count()).toBe(1);
      expect(await sameJobTab()).toBe(true);
      expect(await sameGalleryTab()).toBe(true);
      await snap(jobTab, 'reconnect', '02-job-done');
      await snap(galleryTab, 'reconnect', '03-gallery-new');
    },
    120_000,
  );
});
