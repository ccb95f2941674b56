import { jobDetailSchema } from '@app/shared/contracts/api/generations';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { expandPrompt } from '@app/shared/prompt/expand-prompt';
import { ComposerPage } from './pages/composer-page';
import { GenerateFormPage } from './pages/generate-form-page';
import { JobPage } from './pages/job-page';
import { LoginPage } from './pages/login-page';
import { PresetsPage } from './pages/presets-page';
import { PromptFieldPage } from './pages/prompt-field-page';
import { PromptLibraryPage } from './pages/prompt-library-page';
import { ShellPage } from './pages/shell-page';
import { ViewerPage } from './pages/viewer-page';
import { WorkflowsPage } from './pages/workflows-page';
import { readAs } from './support/api';
import { DESKTOP, PHONE } from './support/browser';
import { journeyOn } from './support/journey';
import { snap } from './support/screenshots';

const JOURNEY_MS = 240_000;
const CASTLE = { name: 'castle', category: 'places', text: 'stone castle, moat, banners' };

describe.each([
  ['phone', PHONE, 'touch'],
  ['desktop', DESKTOP, 'keyboard'],
] as const)('X-2 the prompt library on a %s', (device, viewport, input) => {
  const journeyRun = journeyOn(viewport, `prompts-${device}`);

  it(
    'alias in the library → prompt with an alias and a tag by autocomplete → composer → preset saved and applied → generate → the stored expanded prompt',
    async () => {
      const page = journeyRun.page();
      const member = journeyRun.member();
      const journey = `prompts-${device}`;
      const shell = new ShellPage(page);
      const library = new PromptLibraryPage(page);
      const form = new GenerateFormPage(page);
      const prompt = new PromptFieldPage(page, 'Prompt');
      const composer = new ComposerPage(page);
      const presets = new PresetsPage(page);

      await new LoginPage(page).open();
      await new LoginPage(page).signIn(member);
      await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();

      // an alias made in the library.
      await shell.go('Prompts');
      await library.createAlias(CASTLE);
      await library.aliasRow('places::castle').waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '01-library');

      // T-1 / T-8: the shipped tag list was loaded at first start.
      await library.tab('Tags');
      const found = await library.searchTags('long hair');
      await found.getByRole('button', { name: /^long_hair\b/ }).first().waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '02-tags');

      // A-12 and T-5 in a prompt field.
      await shell.go('Generate');
      await new WorkflowsPage(page).open('Text to image');
      await prompt.field().fill('a knight at the gate');
      await prompt.type(', $cas');
      await prompt.suggestions().waitFor();
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '03-alias-suggestions');
      await prompt.choose(/^\$places:castle\$/, input);
      expect(await prompt.field().inputValue()).toBe('a knight at the gate, $places:castle$');

      await prompt.type(', long ha');
      await prompt.suggestions().getByRole('option', { name: /^long_hair(?!_)/ }).waitFor();
      await snap(page, journey, '04-tag-suggestions');
      await prompt.choose(/^long_hair(?!_)/, input);
      expect(await prompt.field().inputValue()).toBe('a knight at the gate, $places:castle$, long_hair, ');
      await page.getByText('a knight at the gate, stone castle, moat, banners, long_hair,', { exact: false }).first().waitFor();

      // C-2 … C-5: weight the tag, move it to the front, apply.
      await prompt.openComposer();
      expect(await composer.chipLabels()).toEqual(['Element 1, a knight at the gate', 'Element 2, alias places:castle', 'Element 3, long_hair']);
      await composer.select(3, input === 'touch' ? 'touch' : 'mouse');
      await composer.increaseWeight(4);
      expect(await composer.text()).toBe('a knight at the gate, $places:castle$, (long_hair:1.2), ');
      await snap(page, journey, '05-composer');
      if (input === 'touch') await composer.dragByTouch(3, 1);
      else await composer.dragByMouse(3, 1);
      expect(await composer.text()).toBe('(long_hair:1.2), a knight at the gate, $places:castle$, ');
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '06-composer-reordered');
      await composer.apply();
      const composed = await prompt.field().inputValue();
      expect(composed).toBe('(long_hair:1.2), a knight at the gate, $places:castle$, ');

      // P-1 … P-3: save, change, apply.
      await presets.open();
      await presets.save('knight at the gate');
      await snap(page, journey, '07-preset-saved');
      await presets.close();
      await prompt.field().fill('something else entirely');
      await form.number('Steps').fill('5');
      await presets.open();
      await presets.apply('knight at the gate');
      await page.getByText(/^Preset “knight at the gate” applied to \d+ field\(s\)\.$/).waitFor();
      expect(await prompt.field().inputValue()).toBe(composed);
      expect(await form.number('Steps').inputValue()).toBe('20');
      expect(await shell.horizontalOverflow()).toBe(0);
      await snap(page, journey, '08-preset-applied');

      // Generate, and the prompt as the worker expanded and stored it.
      await form.generate();
      const job = new JobPage(page);
      expect(await job.waitForOutputs()).toBe(1);
      const jobId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      const detail = await readAs(member, `/generations/${jobId}`, jobDetailSchema);
      const stored = detail.prompts.find((entry) => entry.field === 'Prompt');
      const expected = expandPrompt(composed, buildAliasIndex([{ ...CASTLE }]), { seed: detail.seed, fieldKey: 'Prompt' }).text;
      expect(stored?.raw).toBe(composed);
      expect(stored?.expanded).toBe(expected);
      expect(expected).toBe('(long_hair:1.2), a knight at the gate, stone castle, moat, banners, ');

      await job.output(1).click();
      const viewer = new ViewerPage(page);
      await viewer.dialog().waitFor();
      await viewer.showDetails();
      await viewer.details().getByText(composed.trim(), { exact: false }).first().waitFor();
      await viewer.details().getByText(expected.trim(), { exact: false }).first().waitFor();
      await snap(page, journey, '09-stored-prompts');
    },
    JOURNEY_MS,
  );
});
