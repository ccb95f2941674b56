import type { Locator } from 'playwright-core';
import sharp from 'sharp';
import { GalleryPage } from './pages/gallery-page';
import { GenerateFormPage } from './pages/generate-form-page';
import { JobPage } from './pages/job-page';
import { LoginPage } from './pages/login-page';
import { PromptLibraryPage } from './pages/prompt-library-page';
import { ShellPage } from './pages/shell-page';
import { ViewerPage } from './pages/viewer-page';
import { WorkflowsPage } from './pages/workflows-page';
import { PHONE } from './support/browser';
import { lanUrl } from './support/env';
import { journeyOn } from './support/journey';
import { watchProblems } from './support/page-problems';
import { snap } from './support/screenshots';

const JOURNEY_MS = 240_000;
const JOURNEY = 'lan-phone';

/** Waits for an <img> to load and decode; false when it cannot (a blocked or failed load). */
function decodes(image: Locator): Promise<boolean> {
  return image.evaluate((element: { naturalWidth: number; decode(): Promise<void> }) => element.decode().then(() => element.naturalWidth > 0, () => false));
}

describe('X-8 a phone at a LAN address over plain HTTP', () => {
  const journeyRun = journeyOn(PHONE, 'lan');

  it(
    'not a secure context → sign in → generate with live progress and previews → an uploaded image in a form → gallery and viewer → prompt library with a copied token → Profile with the phone QR code and why installing needs HTTPS; no error, no https request, no failed request',
    async () => {
      const page = journeyRun.page();
      const member = journeyRun.member();
      const problems = watchProblems(page);
      const shell = new ShellPage(page);
      const form = new GenerateFormPage(page);
      const job = new JobPage(page);
      const viewer = new ViewerPage(page);
      const login = new LoginPage(page, lanUrl());

      await login.open();
      // What makes this test mean something: localhost would be a secure context, a LAN address is not.
      expect(await page.evaluate('window.isSecureContext')).toBe(false);
      // §5: the signed-out start (its refresh probe included) logs nothing in the console.
      expect(problems).toEqual([]);
      await snap(page, JOURNEY, '01-sign-in');

      await login.signIn(member);
      await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);

      // J-13 live over the socket: progress, then previews, then the output.
      await new WorkflowsPage(page).open('Text to image');
      await form.text('Prompt').fill('a harbour at dawn');
      await form.number('Steps').fill('100');
      await form.generate();
      await job.progressText().waitFor();
      await job.preview().waitFor();
      expect(await decodes(job.preview())).toBe(true);
      await snap(page, JOURNEY, '02-progress');
      expect(await job.waitForOutputs()).toBe(1);

      // J-2: the camera option (an <input capture>, no getUserMedia) and a file, then a run on the image.
      await shell.go('Generate');
      await new WorkflowsPage(page).open('Invert an image');
      const photo = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#2060a0' } }).jpeg().toBuffer();
      await page.getByLabel('Take a photo for Source Image').setInputFiles({ name: 'camera.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByText('120 × 90', { exact: true }).waitFor();
      const picture = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#c05030' } }).png().toBuffer();
      await page.getByLabel('Choose a file for Source Image').setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: picture });
      await page.getByText('96 × 64', { exact: true }).waitFor();
      expect(await decodes(page.getByRole('button', { name: /^View / }).getByRole('img'))).toBe(true);
      await snap(page, JOURNEY, '03-uploaded');
      await form.generate();
      expect(await job.waitForOutputs()).toBe(1);

      // G-1 / G-6: the gallery and the viewer load their media at this origin.
      await shell.go('Gallery');
      const gallery = new GalleryPage(page);
      await gallery.tiles().nth(1).waitFor();
      expect(await gallery.tiles().count()).toBe(2);
      await gallery.open(0);
      await viewer.dialog().waitFor();
      const shown = viewer.dialog().getByRole('img', { name: /^Output/ }).first();
      expect(await decodes(shown)).toBe(true);
      await snap(page, JOURNEY, '04-viewer');
      await viewer.close();

      // the prompt library.
      await shell.go('Prompts');
      const library = new PromptLibraryPage(page);
      await library.createAlias({ name: 'harbour', category: 'places', text: 'fishing boats, gulls' });
      await library.aliasRow('places::harbour').waitFor();
      await snap(page, JOURNEY, '05-library');
      // No clipboard API here: copying goes the older way, and what it copied pastes back.
      expect(await page.evaluate('typeof navigator.clipboard')).toBe('undefined');
      await library.copyToken('places::harbour');
      await library.aliasSearch().click();
      await page.keyboard.press('ControlOrMeta+V');
      expect(await library.aliasSearch().inputValue()).toBe('$places:harbour$');

      // Profile: the phone's address is this page's own, and installing says it needs HTTPS.
      await shell.go('Profile');
      const phone = page.getByRole('region', { name: 'Open on your phone' });
      await phone.getByText(lanUrl(), { exact: true }).waitFor();
      expect(await decodes(phone.getByRole('img', { name: `QR code of ${lanUrl()}` }))).toBe(true);
      await page.getByRole('region', { name: 'Install the app' }).getByText(/needs HTTPS/).waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, JOURNEY, '06-profile');

      expect(problems).toEqual([]);
    },
    JOURNEY_MS,
  );
});
