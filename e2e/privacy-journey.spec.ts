import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { GalleryPage } from './pages/gallery-page';
import { GenerateFormPage } from './pages/generate-form-page';
import { JobPage } from './pages/job-page';
import { LoginPage } from './pages/login-page';
import { QueuePage } from './pages/queue-page';
import { ShellPage } from './pages/shell-page';
import { WorkflowsPage } from './pages/workflows-page';
import { launchBrowser, newPage, PHONE } from './support/browser';
import { snap } from './support/screenshots';
import { createMember, type Member } from './support/users';

/** Everything B's live socket receives, as text. */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket: WebSocket) => {
    socket.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('utf8')));
  });
  return frames;
}

async function signedIn(browser: Browser, member: Member): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, PHONE);
  opened.page.setDefaultTimeout(30_000);
  const login = new LoginPage(opened.page);
  await login.open();
  await login.signIn(member);
  await opened.page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
  return opened;
}

describe('X-5 / U-5 two people at once', () => {
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it(
    'the second sees none of the first one’s jobs, progress or outputs',
    async () => {
      const [ada, bob] = await Promise.all([createMember('privacy-ada'), createMember('privacy-bob')]);
      const a = await signedIn(browser, ada);
      const b = await signedIn(browser, bob);
      contexts = [a.context, b.context];
      const framesForBob = recordFrames(b.page);
      await new ShellPage(b.page).go('Queue');
      await new QueuePage(b.page).empty().waitFor();

      await new WorkflowsPage(a.page).open('Text to image');
      const form = new GenerateFormPage(a.page);
      await form.number('Steps').fill('60');
      await form.generate();
      const job = new JobPage(a.page);
      await job.progressText().waitFor();
      await snap(a.page, 'privacy', '01-ada-running');
      await snap(b.page, 'privacy', '02-bob-meanwhile');
      expect(await new ShellPage(b.page).runningJobs().count()).toBe(0);

      await job.waitForOutputs();
      const jobId = a.page.url().split('/').pop() ?? '';
      expect(jobId).toMatch(/^[0-9a-f-]{36}$/);

      await b.page.reload();
      await new QueuePage(b.page).empty().waitFor();
      await new ShellPage(b.page).go('Gallery');
      await new GalleryPage(b.page).empty().waitFor();
      await snap(b.page, 'privacy', '03-bob-after');
      expect(framesForBob.filter((frame) => frame.includes(jobId) || frame.includes('job.'))).toEqual([]);
      expect(await b.page.getByRole('status').filter({ hasText: /not found/i }).count()).toBe(0);
    },
    180_000,
  );
});
