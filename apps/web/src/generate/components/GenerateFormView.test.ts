import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { FieldType, FormSchema } from '@app/shared/form/field-types';
import { errorBody, json } from '../../test/fake-api';
import { jobDetail } from '../../test/jobs';
import { descriptionOf } from '../../test/render-app';
import { FORM_PATH, openForm } from '../../test/workflow-form';
import type { FormScreen } from '../../test/workflow-form';
import { fluxSchema, stitchSchema, WORKFLOW_ID } from '../../test/workflows';

const JOB_ID = '0193a000-0000-7000-8000-0000000000j1';

function submissions(api: { seen: { method: string; path: string; body: unknown }[] }) {
  return api.seen.filter((seen) => seen.method === 'POST' && seen.path === '/generations').map((seen) => seen.body);
}

/** The control a field of `type` renders as, found by its role and label. */
function controlFor(screen: FormScreen, type: FieldType, label: string): HTMLElement {
  switch (type) {
    case 'string':
      return screen.getByRole('textbox', { name: label });
    case 'int':
    case 'float':
      return screen.getByRole('spinbutton', { name: label });
    case 'boolean':
      return screen.getByRole('switch', { name: label });
    case 'choice':
      return screen.getByRole('combobox', { name: label });
    case 'image':
      return screen.getByRole('group', { name: label });
  }
}

describe('J-1 the form renders the schema', () => {
  const schemas: [string, () => FormSchema][] = [
    ['CozyGen Flux example', fluxSchema],
    ['stitch workflow (images, boolean)', stitchSchema],
  ];

  it('covers every field type between the two schemas', () => {
    const types = new Set(schemas.flatMap(([, schema]) => schema().fields.map((field) => field.type)));
    expect([...types].sort()).toEqual(['boolean', 'choice', 'float', 'image', 'int', 'string']);
  });

  it.each(schemas)('%s: every field in order, each as its kind of control with its label', async (_name, schema) => {
    const { fields } = schema();
    const screen = await openForm(schema());

    const controls = fields.map((field) => controlFor(screen, field.type, field.label));
    for (const [position, field] of fields.entries()) {
      if (field.type === 'string') expect(controls[position]?.tagName).toBe(field.multiline ? 'TEXTAREA' : 'INPUT');
    }
    const inDocumentOrder = [...controls].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    expect(inDocumentOrder).toEqual(controls);
    expect(screen.getByRole('button', { name: 'Generate' })).toBeTruthy();
  });

  it('offers a slider only for bounded numbers with at most 10,000 positions, and −/+ by the step', async () => {
    const screen = await openForm(stitchSchema());
    const gap = screen.getByRole('spinbutton', { name: 'Gap' }) as HTMLInputElement;

    expect(screen.getByRole('slider', { name: 'Gap (slider)' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Increase Gap' }));
    expect(gap.value).toBe('10');
    screen.unmount();

    const flux = await openForm(fluxSchema());
    expect(flux.queryByRole('slider', { name: 'Seed (slider)' })).toBeNull();
    expect(flux.getByRole('slider', { name: 'Steps (slider)' })).toBeTruthy();
  });

  it('W-15 shows model files by base name, grouped by folder', async () => {
    const screen = await openForm(fluxSchema());
    const lora = screen.getByRole('combobox', { name: 'Lora 1' });

    expect(within(lora).getAllByRole('option').map((option) => option.textContent)).toEqual(['detail-tweaker-sd15', 'flux1-krea-dev_fp8_scaled', 'watercolor-sd15']);
    expect([...lora.querySelectorAll('optgroup')].map((group) => group.label)).toEqual(['Flux', 'styles']);
  });
});

describe('J-1 the same shared validation as the api, on the fields', () => {
  it('marks missing images and out-of-range numbers without sending anything', async () => {
    const screen = await openForm(stitchSchema());

    await fireEvent.update(screen.getByRole('spinbutton', { name: 'Gap' }), '300');
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));

    expect(descriptionOf(screen.getByRole('group', { name: 'Left image' }))).toBe('Image required');
    expect(descriptionOf(screen.getByRole('group', { name: 'Right image' }))).toBe('Image required');
    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'Gap' }))).toBe('Must be at most 256');
    expect(submissions(screen.api)).toEqual([]);
  });

  it('puts the api’s field errors on their fields and its message above the form', async () => {
    const screen = await openForm(fluxSchema(), {
      'POST /generations': () => errorBody(400, 'Some values are not valid', [{ field: 'body.values.Steps', message: 'must be at least 1' }]),
    });

    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Some values are not valid');
    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'Steps' }))).toBe('Must be at least 1');
    expect(document.activeElement).toBe(screen.getByRole('spinbutton', { name: 'Steps' }));
  });

  it('refuses a run count outside 1–1000', async () => {
    const screen = await openForm(fluxSchema());

    await fireEvent.update(screen.getByRole('spinbutton', { name: 'Runs' }), '1001');
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));

    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'Runs' }))).toBe('Must be a whole number from 1 to 1000');
    expect(submissions(screen.api)).toEqual([]);
  });
});

describe('W-16 / W-17 randomize and bypass switches', () => {
  it('starts seed randomized, bypasses a LoRA with its strength, and submits both switches', async () => {
    const screen = await openForm(fluxSchema(), {
      'POST /generations': () => json(202, { jobs: [{ id: JOB_ID }] }),
      [`GET /generations/${JOB_ID}`]: () => json(200, jobDetail(JOB_ID)),
    });
    const randomizeSeed = screen.getByRole('switch', { name: 'Randomize Seed' }) as HTMLInputElement;
    expect(randomizeSeed.checked).toBe(true);
    expect((screen.getByRole('spinbutton', { name: 'Seed' }) as HTMLInputElement).disabled).toBe(true);

    await fireEvent.click(randomizeSeed);
    await fireEvent.update(screen.getByRole('spinbutton', { name: 'Seed' }), '777');
    await fireEvent.click(screen.getByRole('switch', { name: 'Bypass Lora 1' }));

    expect((screen.getByRole('combobox', { name: 'Lora 1' }) as HTMLSelectElement).disabled).toBe(true);
    const strength = screen.getByRole('spinbutton', { name: 'Lora 1 Str' }) as HTMLInputElement;
    expect([strength.disabled, descriptionOf(strength)]).toEqual([true, 'Not used: the node it feeds is bypassed.']);

    await fireEvent.update(screen.getByRole('spinbutton', { name: 'Runs' }), '1');
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));

    expect(await screen.findByRole('heading', { name: 'Flux', level: 1 })).toBeTruthy();
    await screen.findByRole('link', { name: '← Queue' }, { timeout: 5000 });
    const [sent] = submissions(screen.api);
    expect(sent).toMatchObject({ workflowId: WORKFLOW_ID, randomize: [], bypass: ['Lora 1'], count: 1 });
    expect(sent).toHaveProperty('values.Seed', 777);
    expect(screen.router.currentRoute.value.fullPath).toBe(`/queue/${JOB_ID}`);
  });
});

describe('U-8 / G-8 where the values come from', () => {
  it('restores the user’s last submitted values and switches', async () => {
    const screen = await openForm(fluxSchema(), {
      [`GET /workflows/${WORKFLOW_ID}/memory`]: () =>
        json(200, { values: { Prompt: 'a remembered fox', Steps: 12, Gone: 1 }, randomize: [], bypass: ['Lora 2'], updatedAt: Date.UTC(2025, 0, 3) }),
    });

    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('a remembered fox');
    expect((screen.getByRole('spinbutton', { name: 'Steps' }) as HTMLInputElement).value).toBe('12');
    expect((screen.getByRole('switch', { name: 'Randomize Seed' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch', { name: 'Bypass Lora 2' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Not in this version of the workflow, left out: Gone')).toBeTruthy();
  });

  it('opens a remix with the job’s raw values, its drawn seed fixed and randomize off', async () => {
    const remixed = jobDetail(JOB_ID, 'completed', {
      values: { Prompt: '$hat$ on a {red|blue} fox', Steps: 9 },
      randomize: ['Seed'],
      bypass: ['Lora 3'],
      resolvedValues: { Prompt: '$hat$ on a {red|blue} fox', Steps: 9, Seed: 31337 },
    });
    const screen = await openForm(fluxSchema(), { [`GET /generations/${JOB_ID}`]: () => json(200, remixed) }, `${FORM_PATH}?remix=${JOB_ID}`);

    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('$hat$ on a {red|blue} fox');
    expect((screen.getByRole('spinbutton', { name: 'Seed' }) as HTMLInputElement).value).toBe('31337');
    expect((screen.getByRole('switch', { name: 'Randomize Seed' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch', { name: 'Bypass Lora 3' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.api.seen.some((seen) => seen.path.endsWith('/memory'))).toBe(false);
  });
});

describe('A-12 alias expansion preview', () => {
  it('shows what a prompt with aliases becomes, and warns about unknown ones', async () => {
    const alias = { id: 'a1', category: 'wear', name: 'hat', key: 'wear::hat', text: 'a red felt hat', revision: 1, shared: false, createdAt: 0, updatedAt: 0 };
    const screen = await openForm(fluxSchema(), { 'GET /aliases?limit=1000': () => json(200, { items: [alias], total: 1, nextCursor: null }) });

    await fireEvent.update(screen.getByRole('textbox', { name: 'Prompt' }), 'a fox wearing $hat$ and $scarf$');

    expect(await screen.findByText('a fox wearing a red felt hat and $scarf$')).toBeTruthy();
    expect(screen.getByText(/scarf/, { selector: 'li' })).toBeTruthy();
  });
});
