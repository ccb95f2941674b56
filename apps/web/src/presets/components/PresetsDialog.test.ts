import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import type { Preset, PresetList, SharedPreset } from '@app/shared/contracts/api/presets';
import type { FormValues } from '@app/shared/form/field-types';
import { captureDownloads } from '../../test/downloads';
import { inTurn, json, noContent } from '../../test/fake-api';
import type { Routes, SeenRequest } from '../../test/fake-api';
import { openForm } from '../../test/workflow-form';
import type { FormScreen } from '../../test/workflow-form';
import { fluxSchema, WORKFLOW_ID } from '../../test/workflows';

const LIST = `GET /workflows/${WORKFLOW_ID}/presets`;
const SAVE = `POST /workflows/${WORKFLOW_ID}/presets`;

function preset(id: string, name: string, values: FormValues, overrides: Partial<Preset> = {}): Preset {
  return { id: `0193a000-0000-7000-8000-00000000${id}`, workflowId: WORKFLOW_ID, name, values, shared: false, createdAt: Date.UTC(2025, 0, 2), updatedAt: Date.UTC(2025, 0, 3), ...overrides };
}

const night = preset('0001', 'Night walk', { Prompt: 'a fox at night', Steps: 30, 'Lora 4': 'gone.safetensors' });
const theirs: SharedPreset = { ...preset('0002', 'Studio light', { Steps: 12 }), ownerName: 'Ada' };
delete (theirs as Partial<Preset>).shared;

async function openPresets(list: PresetList = { items: [night], shared: [theirs] }, routes: Routes = {}) {
  const screen = await openForm(fluxSchema(), { [LIST]: () => json(200, list), ...routes });
  await fireEvent.click(screen.getByRole('button', { name: 'Presets' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Presets for Flux' }));
  await dialog.findByText(list.items.length > 0 ? 'More' : 'No presets for this workflow yet.', { exact: false });
  return { screen, dialog };
}

function sent(screen: FormScreen, route: string): SeenRequest[] {
  const [method, path] = route.split(' ');
  return screen.api.seen.filter((seen) => seen.method === method && seen.path === path);
}

function value(screen: FormScreen, role: 'textbox' | 'spinbutton', name: string): string {
  return (screen.getByRole(role, { name }) as HTMLInputElement).value;
}

describe('P-1 / P-2 saving', () => {
  it('saves every value of the form under a name', async () => {
    const saved = preset('0003', 'Morning', { Prompt: '' });
    const { screen, dialog } = await openPresets({ items: [], shared: [] }, { [SAVE]: () => json(201, saved) });

    await fireEvent.update(dialog.getByLabelText('Preset name'), 'Morning');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save preset' }));

    const [request] = sent(screen, SAVE);
    expect(request?.body).toMatchObject({ name: 'Morning', shared: false, values: { Prompt: '', Steps: 8, Seed: 1234, Sampler: 'euler' } });
    expect(Object.keys((request?.body as { values: FormValues }).values)).toHaveLength(fluxSchema().fields.length);
    expect(await screen.findByText('Preset “Morning” saved')).toBeTruthy();
    expect(dialog.getByText('Morning', { selector: '.row__title' })).toBeTruthy();
  });

  it('says it overwrites when the name is taken (ignoring case), and saves only the ticked fields', async () => {
    const { screen, dialog } = await openPresets(undefined, { [SAVE]: () => json(200, { ...night, values: { Prompt: '' } }) });

    await fireEvent.update(dialog.getByLabelText('Preset name'), 'NIGHT WALK');
    await fireEvent.click(dialog.getByText('Fields: 19 of 19'));
    const fields = within(dialog.getByRole('group', { name: 'Fields to save' }));
    for (const box of fields.getAllByRole('checkbox')) if ((box as HTMLInputElement).value !== 'Prompt') await fireEvent.click(box);
    await fireEvent.click(dialog.getByRole('button', { name: 'Overwrite “Night walk”' }));

    expect(sent(screen, SAVE)[0]?.body).toEqual({ name: 'NIGHT WALK', values: { Prompt: '' }, shared: false });
    expect(await screen.findByText('Preset “Night walk” overwritten')).toBeTruthy();
  });
});

describe('P-3 applying', () => {
  it('merges the values into the form and lists dropped fields and values left out', async () => {
    const { screen, dialog } = await openPresets(undefined, {
      [`POST /presets/${night.id}/apply`]: (request) =>
        json(200, {
          values: { ...(request.body as { values: FormValues }).values, Prompt: 'a fox at night', Steps: 30 },
          applied: ['Prompt', 'Steps'],
          dropped: ['Lora 4', 'Lora 4 Str'],
          flagged: [{ field: 'Sampler', reason: 'choice-unavailable', message: 'is not one of the choices' }],
        }),
    });

    await fireEvent.click(dialog.getByRole('button', { name: 'Apply Night walk' }));

    expect(await screen.findByText('Preset “Night walk” applied to 2 field(s).')).toBeTruthy();
    expect(screen.getByText('2 field(s) dropped: Lora 4, Lora 4 Str')).toBeTruthy();
    expect(screen.getByText('Sampler: that choice is not on any backend, left as it was.')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Presets for Flux' })).toBeNull();
    expect(value(screen, 'textbox', 'Prompt')).toBe('a fox at night');
    expect(value(screen, 'spinbutton', 'Steps')).toBe('30');
    expect((sent(screen, `POST /presets/${night.id}/apply`)[0]?.body as { values: FormValues }).values).toMatchObject({ Prompt: '', Steps: 8 });
  });

  it('applies and copies others’ shared presets', async () => {
    const copied = preset('0004', 'Studio light', { Steps: 12 });
    const { screen, dialog } = await openPresets(undefined, { [`POST /presets/${theirs.id}/copy`]: () => json(201, copied) });

    const shared = within(dialog.getByRole('heading', { name: 'Shared with me' }).parentElement as HTMLElement);
    expect(shared.getByText('by Ada', { exact: false })).toBeTruthy();
    await fireEvent.click(shared.getByRole('button', { name: 'Copy to mine: Studio light by Ada' }));

    expect(await screen.findByText('Preset “Studio light” copied to your presets')).toBeTruthy();
    expect(dialog.getAllByRole('button', { name: 'Apply Studio light' })).toHaveLength(2);
  });
});

describe('P-2 managing', () => {
  it('renames, shares, overwrites with the form, and deletes with undo', async () => {
    let stored = night;
    const { screen, dialog } = await openPresets(undefined, {
      [`PATCH /presets/${night.id}`]: (request) => {
        stored = { ...stored, ...(request.body as Partial<Preset>), updatedAt: stored.updatedAt + 1 };
        return json(200, stored);
      },
      [`DELETE /presets/${night.id}`]: () => noContent(),
      [SAVE]: () => json(201, { ...stored, id: '0193a000-0000-7000-8000-000000000009' }),
    });

    await fireEvent.click(dialog.getByRole('button', { name: 'More for Night walk' }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Rename' }));
    await fireEvent.update(dialog.getByRole('textbox', { name: 'New name' }), 'Night run');
    await fireEvent.click(dialog.getByRole('button', { name: 'Rename' }));
    expect(await dialog.findByText('Night run', { selector: '.row__title' })).toBeTruthy();

    await fireEvent.click(dialog.getByRole('switch', { name: 'Share Night run with everyone here' }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Overwrite with the form' }));
    expect(await screen.findByText('Preset “Night run” overwritten')).toBeTruthy();
    expect(sent(screen, `PATCH /presets/${night.id}`).map((request) => request.body)).toEqual([
      { name: 'Night run' },
      { shared: true },
      { values: { Prompt: '', Steps: 8 } },
    ]);

    await fireEvent.click(dialog.getByRole('button', { name: 'Delete' }));
    expect(await dialog.findByText('Preset “Night run” deleted.')).toBeTruthy();
    expect(dialog.getByText('No presets for this workflow yet.')).toBeTruthy();
    await fireEvent.click(dialog.getByRole('button', { name: 'Undo' }));

    expect(sent(screen, SAVE)[0]?.body).toEqual({ name: 'Night run', values: { Prompt: '', Steps: 8 }, shared: true });
    expect(await dialog.findByRole('button', { name: 'Apply Night run' })).toBeTruthy();
  });
});

describe('P-4 files', () => {
  it('exports the workflow’s presets as a download', async () => {
    const file = { format: 'cozy-presets', version: 1, workflow: { name: 'Flux', version: 1 }, presets: [] };
    const downloads = captureDownloads();
    const { dialog } = await openPresets(undefined, { [`GET /workflows/${WORKFLOW_ID}/presets/export`]: () => json(200, file) });

    await fireEvent.click(dialog.getByRole('button', { name: 'Export presets' }));

    await vi.waitFor(() => expect(downloads.map((download) => download.fileName)).toEqual(['Flux-presets.json']));
    expect(JSON.parse((await downloads[0]?.text()) ?? '')).toEqual(file);
  });

  it('imports a file and reports what came in and what was left out', async () => {
    const cozyGen = { version: 2, users: { me: { workflows: { 'flux.json': [{ id: 1, name: 'Old', values: { steps: 4 } }] } } } };
    const { screen, dialog } = await openPresets(undefined, {
      [LIST]: inTurn(
        () => json(200, { items: [night], shared: [] }),
        () => json(200, { items: [night, preset('0005', 'Old', { steps: 4 })], shared: [] }),
      ),
      [`POST /workflows/${WORKFLOW_ID}/presets/import`]: () =>
        json(200, { format: 'cozygen-v2', added: 1, replaced: 0, notices: [{ preset: 'Old', problem: 'output-image', message: 'an output image was left out' }] }),
    });

    const input = dialog.getByLabelText('Presets file (ours or CozyGen’s workflow_presets.json)');
    await fireEvent.change(input, { target: { files: [new File([JSON.stringify(cozyGen)], 'workflow_presets.json', { type: 'application/json' })] } });
    await fireEvent.click(dialog.getByRole('button', { name: 'Import' }));

    expect(await dialog.findByText('1 added, 0 replaced.')).toBeTruthy();
    expect(dialog.getByText('Old: an output image was left out')).toBeTruthy();
    expect(sent(screen, `POST /workflows/${WORKFLOW_ID}/presets/import`)[0]?.body).toEqual(cozyGen);
    expect(await dialog.findByRole('button', { name: 'Apply Old' })).toBeTruthy();
  });

  it('says so when the file is not JSON, without sending it', async () => {
    const { screen, dialog } = await openPresets();

    const input = dialog.getByLabelText('Presets file (ours or CozyGen’s workflow_presets.json)');
    await fireEvent.change(input, { target: { files: [new File(['{nope'], 'broken.json')] } });
    await fireEvent.click(dialog.getByRole('button', { name: 'Import' }));

    expect(await dialog.findByText('broken.json is not a JSON file.')).toBeTruthy();
    expect(sent(screen, `POST /workflows/${WORKFLOW_ID}/presets/import`)).toEqual([]);
  });
});
