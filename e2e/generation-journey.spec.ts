import { GalleryPage } from './pages/gallery-page';
import { GenerateFormPage } from './pages/generate-form-page';
import { JobPage } from './pages/job-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { ViewerPage } from './pages/viewer-page';
import { WorkflowsPage } from './pages/workflows-page';
import { DESKTOP, PHONE } from './support/browser';
import { journeyOn } from './support/journey';
import { snap } from './support/screenshots';
import { createAlias } from './support/users';

const JOURNEY_MS = 240_000;
/** 100 steps at the stand-in's 50 ms: long enough to watch progress and previews arrive. */
const STEPS = '100';

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('X-2 the whole generation flow on a %s', (device, viewport) => {
  const journeyRun = journeyOn(viewport, `journey-${device}`, (member) => createAlias(member, 'lighting', 'golden hour, volumetric light'));

  it(
    'log in → pick Text to image → change fields → generate → watch progress and previews → result → gallery → remix with a new prompt → generate again → delete an output',
    async () => {
      const page = journeyRun.page();
      const member = journeyRun.member();
      const journey = `generation-${device}`;
      const shell = new ShellPage(page);
      const form = new GenerateFormPage(page);
      const job = new JobPage(page);
      const gallery = new GalleryPage(page);
      const viewer = new ViewerPage(page);

      await new LoginPage(page).open();
      await new LoginPage(page).signIn(member);
      await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Text to image', exact: true }).waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '01-workflows');

      await new WorkflowsPage(page).open('Text to image');
      const prompt = 'a lighthouse on a cliff, $lighting$';
      await form.text('Prompt').fill(prompt);
      await form.number('Steps').fill(STEPS);
      await form.choice('Sampler').selectOption('dpmpp_2m');
      expect(await form.switchFor('Randomize Seed').isChecked()).toBe(true);
      await page.getByText('a lighthouse on a cliff, golden hour, volumetric light', { exact: true }).waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '02-form');

      await form.generate();
      await job.progressText().waitFor();
      expect(await job.progress().getAttribute('aria-valuenow')).not.toBeNull();
      await shell.runningJobs().waitFor();
      await snap(page, journey, '03-progress');
      await job.preview().waitFor();
      await snap(page, journey, '04-preview');

      expect(await job.waitForOutputs()).toBe(1);
      await shell.runningJobs().waitFor({ state: 'detached' });
      await snap(page, journey, '05-result');

      await shell.go('Gallery');
      await gallery.tiles().first().waitFor();
      expect(await gallery.tiles().count()).toBe(1);
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '06-gallery');

      await gallery.open(0);
      await viewer.dialog().waitFor();
      await viewer.showDetails();
      await viewer.details().getByText(prompt, { exact: true }).waitFor();
      await viewer.details().getByText('a lighthouse on a cliff, golden hour, volumetric light', { exact: true }).waitFor();
      const seed = await viewer.seed();
      expect(await viewer.downloadLink().getAttribute('href')).toMatch(/^\/api\/media\/output\/.+\/download\?/);
      await snap(page, journey, '07-viewer-details');

      await viewer.remix();
      await page.getByRole('heading', { name: 'Text to image', level: 1 }).waitFor();
      expect(await form.text('Prompt').inputValue()).toBe(prompt);
      expect(await form.switchFor('Randomize Seed').isChecked()).toBe(false);
      expect(await form.number('Seed').inputValue()).toBe(seed);
      expect(await form.number('Steps').inputValue()).toBe(STEPS);
      await form.text('Prompt').fill('a lighthouse in a storm at night, $lighting$');
      await snap(page, journey, '08-remix');

      await form.generate();
      expect(await job.waitForOutputs()).toBe(1);
      await snap(page, journey, '09-second-result');

      await job.output(1).click();
      await viewer.dialog().waitFor();
      await viewer.delete();
      await page.getByText('This job has no outputs (any it made were deleted).').waitFor();
      await snap(page, journey, '10-output-deleted');

      await shell.go('Gallery');
      await gallery.tiles().first().waitFor();
      expect(await gallery.tiles().count()).toBe(1);
      await snap(page, journey, '11-gallery-after-delete');
    },
    JOURNEY_MS,
  );
});
