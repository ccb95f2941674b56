import { readFixtureJson } from '@test/fixtures';
import type { ApplyPresetResponse, Preset, PresetImportReport, PresetList } from '@app/shared/contracts/api/presets';
import type { Upload } from '@app/shared/contracts/api/uploads';
import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { sampleImage } from '@app/server/media/testing/sample-media';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

/** The min int workflow without its Color marker: a later version in which the field is gone. */
function withoutColorMarker(): unknown {
  const graph = structuredClone(readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json')) as Record<string, { inputs: Record<string, unknown> }>;
  delete graph['6'];
  const image = graph['1'];
  if (image) image.inputs.color = 255;
  return graph;
}

describe('presets api', () => {
  let api: TestApi;
  let admin: string;
  let alice: string;
  let bob: string;
  let ints: WorkflowDetail;
  let image: WorkflowDetail;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    alice = (await api.createUser('preset-alice@test.local')).token;
    bob = (await api.createUser('preset-bob@test.local')).token;
    const create = async (name: string, fixture: string) =>
      (await post('/workflows', { name, graph: readFixtureJson(fixture) }, admin).expect(201)).body as WorkflowDetail;
    ints = await create('Min ints', 'workflows/cozygen-min/cozygen-min-int-inputs.json');
    image = await create('Min image', 'workflows/cozygen-min/cozygen-min-image-input.json');
  });
  afterAll(async () => {
    await api.close();
  });

  const { get, post, patch, put, del } = apiRequests(
    () => api,
    () => alice,
  );
  const list = async (workflowId: string, as: string): Promise<PresetList> => (await get(`/workflows/${workflowId}/presets`, as).expect(200)).body as PresetList;
  const save = async (workflowId: string, body: object, as: string, status = 201): Promise<Preset> => (await post(`/workflows/${workflowId}/presets`, body, as).expect(status)).body as Preset;

  describe('P-1 P-2 save, list, rename, delete', () => {
    it('saves a preset (201), lists it newest first, and overwrites by name ignoring case (200)', async () => {
      const first = await save(ints.id, { name: 'Small', values: { Width: 64, Height: 64 } }, alice);
      expect(first).toEqual({ id: expect.any(String), workflowId: ints.id, name: 'Small', values: { Width: 64, Height: 64 }, shared: false, createdAt: expect.any(Number), updatedAt: first.createdAt });
      const second = await save(ints.id, { name: 'Wide', values: { Width: 512 } }, alice);
      expect((await list(ints.id, alice)).items.map((p) => p.name)).toEqual(['Wide', 'Small']);

      const overwritten = await save(ints.id, { name: 'SMALL', values: { Width: 32 } }, alice, 200);
      expect(overwritten).toMatchObject({ id: first.id, name: 'SMALL', values: { Width: 32 }, createdAt: first.createdAt });
      expect((await list(ints.id, alice)).items.map((p) => [p.id, p.name])).toEqual([
        [first.id, 'SMALL'],
        [second.id, 'Wide'],
      ]);
    });

    it('renames, refusing a name the user already has (409), and deletes', async () => {
      const preset = await save(ints.id, { name: 'To rename', values: {} }, alice);
      expect(((await patch(`/presets/${preset.id}`, { name: 'Renamed', values: { Height: 100 } }, alice).expect(200)).body as Preset)).toMatchObject({ name: 'Renamed', values: { Height: 100 } });
      const clash = await patch(`/presets/${preset.id}`, { name: 'wide' }, alice).expect(409);
      expect(clash.body).toEqual({ statusCode: 409, message: 'You already have a preset named wide for this workflow', errors: [{ field: 'body.name', message: 'is already used (ignoring case)' }] });
      await del(`/presets/${preset.id}`, alice).expect(204);
      expect((await list(ints.id, alice)).items.map((p) => p.name)).not.toContain('Renamed');
    });

    it.each([
      ['an empty name', { name: '  ', values: {} }, 'body.name', 'is required'],
      ['a name over 80 characters', { name: 'n'.repeat(81), values: {} }, 'body.name', 'must be at most 80 characters'],
      ['values over 64 KB', { name: 'Huge', values: { Prompt: 'x'.repeat(65_536) } }, 'body.values', 'must be at most 64 KB as JSON'],
      ['a value that is no form value', { name: 'Odd', values: { Prompt: ['a'] } }, 'body.values.Prompt', expect.any(String)],
      ['an unknown field', { name: 'Odd', values: {}, extra: 1 }, 'body.extra', 'unknown field'],
    ])('refuses %s with 400 on the field', async (_case, body, field, message) => {
      const res = await post(`/workflows/${ints.id}/presets`, body, alice).expect(400);
      expect(res.body.errors).toEqual([{ field, message }]);
    });

    it('refuses the 201st preset of a user for a workflow with 409, but still overwrites', async () => {
      const other = (await api.createUser('preset-many@test.local')).token;
      for (let i = 0; i < 200; i++) await save(image.id, { name: `p${i}`, values: {} }, other);
      const res = await post(`/workflows/${image.id}/presets`, { name: 'one more', values: {} }, other).expect(409);
      expect(res.body.message).toBe('You have 200 presets for this workflow, the most allowed; delete some first');
      await save(image.id, { name: 'P7', values: { 'Source Image': null } }, other, 200);
    });

    it('answers 404 for an unknown workflow and 400 for a malformed id', async () => {
      await get('/workflows/00000000-0000-7000-8000-000000000000/presets', alice).expect(404);
      expect((await get('/workflows/nope/presets', alice).expect(400)).body.errors).toEqual([{ field: 'params.workflowId', message: 'must be a UUID' }]);
    });
  });

  describe('U-5 sharing', () => {
    let mine: Preset;
    let secret: Preset;
    beforeAll(async () => {
      mine = await save(ints.id, { name: 'Shared look', values: { Width: 256 }, shared: true }, bob);
      secret = await save(ints.id, { name: 'Private look', values: { Width: 128 } }, bob);
    });

    it('lists others\' shared presets separately with the owner\'s name, never private ones', async () => {
      const seen = await list(ints.id, alice);
      expect(seen.shared).toEqual([{ id: mine.id, workflowId: ints.id, name: 'Shared look', values: { Width: 256 }, ownerName: expect.stringContaining('preset-bob'), createdAt: mine.createdAt, updatedAt: mine.updatedAt }]);
      expect(seen.items.map((p) => p.id)).not.toContain(secret.id);
      expect((await list(ints.id, bob)).shared.map((p) => p.id)).not.toContain(mine.id);
    });

    it('answers 404 for another user\'s private preset everywhere', async () => {
      await patch(`/presets/${secret.id}`, { name: 'mine now' }, alice).expect(404);
      await del(`/presets/${secret.id}`, alice).expect(404);
      await post(`/presets/${secret.id}/copy`, {}, alice).expect(404);
      await post(`/presets/${secret.id}/apply`, {}, alice).expect(404);
      await del(`/presets/${secret.id}`, admin).expect(404);
    });

    it('keeps shared presets read-only to others (403) and lets them copy one (201), private', async () => {
      expect((await patch(`/presets/${mine.id}`, { values: {} }, alice).expect(403)).body.message).toBe('Shared presets are read-only; copy it to make it yours');
      await del(`/presets/${mine.id}`, alice).expect(403);
      const copy = (await post(`/presets/${mine.id}/copy`, {}, alice).expect(201)).body as Preset;
      expect(copy).toMatchObject({ name: 'Shared look', values: { Width: 256 }, shared: false, workflowId: ints.id });
      expect(copy.id).not.toBe(mine.id);
      const clash = await post(`/presets/${mine.id}/copy`, {}, alice).expect(409);
      expect(clash.body.message).toBe('You already have a preset named Shared look for this workflow');
      expect(((await post(`/presets/${mine.id}/copy`, { name: 'Bob style' }, alice).expect(201)).body as Preset).name).toBe('Bob style');
    });

    it('stops listing a preset for others once its owner unshares it', async () => {
      await patch(`/presets/${mine.id}`, { shared: false }, bob).expect(200);
      expect((await list(ints.id, alice)).shared).toEqual([]);
      await post(`/presets/${mine.id}/apply`, {}, alice).expect(404);
    });
  });

  describe('P-3 applying', () => {
    it('drops fields gone from the workflow\'s new version and flags out-of-range values', async () => {
      const workflow = (await post('/workflows', { name: 'Versioned ints', graph: readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json') }, admin).expect(201)).body as WorkflowDetail;
      const preset = await save(workflow.id, { name: 'Orange', values: { Width: 320, Height: 4096, Color: 16744448 } }, alice);
      const before = (await post(`/presets/${preset.id}/apply`, { values: { Width: 128 } }, alice).expect(200)).body as ApplyPresetResponse;
      expect(before).toEqual({
        values: { Width: 320, Color: 16744448 },
        applied: ['Width', 'Color'],
        dropped: [],
        flagged: [{ field: 'Height', reason: 'invalid', message: 'must be at most 2048' }],
      });

      await put(`/workflows/${workflow.id}`, { graph: withoutColorMarker() }, admin).expect(200);
      const after = (await post(`/presets/${preset.id}/apply`, { values: { Width: 128, Height: 96 } }, alice).expect(200)).body as ApplyPresetResponse;
      expect(after).toEqual({
        values: { Width: 320, Height: 96 },
        applied: ['Width'],
        dropped: ['Color'],
        flagged: [{ field: 'Height', reason: 'invalid', message: 'must be at most 2048' }],
      });
    });

    it('flags an image whose upload was deleted and applies one that exists', async () => {
      const upload = (await api.http.post('/api/uploads').auth(alice, bearer).attach('file', await sampleImage('png', 16, 16), 'a.png').expect(201)).body as Upload;
      const gone = (await api.http.post('/api/uploads').auth(alice, bearer).attach('file', await sampleImage('png', 16, 16), 'b.png').expect(201)).body as Upload;
      await del(`/uploads/${gone.id}`, alice).expect(204);
      const kept = await save(image.id, { name: 'Kept image', values: { 'Source Image': upload.id } }, alice);
      const lost = await save(image.id, { name: 'Lost image', values: { 'Source Image': gone.id } }, alice);
      expect(((await post(`/presets/${kept.id}/apply`, {}, alice).expect(200)).body as ApplyPresetResponse).values).toEqual({ 'Source Image': upload.id });
      expect(((await post(`/presets/${lost.id}/apply`, {}, alice).expect(200)).body as ApplyPresetResponse).flagged).toEqual([
        { field: 'Source Image', reason: 'image-missing', message: 'the image is no longer there' },
      ]);
    });
  });

  describe('P-4 export and import', () => {
    it('round-trips an export into another user\'s presets with names, values and times', async () => {
      const exported = await get(`/workflows/${ints.id}/presets/export`, alice).expect(200);
      expect(exported.headers['content-disposition']).toBe('attachment; filename="presets.json"');
      const file = exported.body as { format: string; workflow: object; presets: { name: string; values: object; created: string; updated: string }[] };
      expect(file).toMatchObject({ format: 'cozy-presets', version: 1, workflow: { name: 'Min ints', version: 1 } });
      expect(file.presets.length).toBeGreaterThan(2);
      const carol = (await api.createUser('preset-carol@test.local')).token;
      const report = (await post(`/workflows/${ints.id}/presets/import`, file, carol).expect(200)).body as PresetImportReport;
      expect(report).toEqual({ format: 'cozy-presets', added: file.presets.length, replaced: 0, notices: [] });
      const again = (await get(`/workflows/${ints.id}/presets/export`, carol).expect(200)).body as typeof file;
      const byName = (presets: typeof file.presets) => Object.fromEntries(presets.map((p) => [p.name, p]));
      expect(byName(again.presets)).toEqual(byName(file.presets));
      const second = (await post(`/workflows/${ints.id}/presets/import`, file, carol).expect(200)).body as PresetImportReport;
      expect(second).toMatchObject({ added: 0, replaced: file.presets.length });
    });

    it('imports CozyGen\'s workflow_presets.json version 2, dropping output images with a notice', async () => {
      const cozygen = {
        version: 2,
        users: {
          default: {
            workflows: {
              'min_image.json': [
                { id: 'x1', name: 'From CozyGen', values: { 'Source Image': 'output::CozyGen::ComfyUI_00001_.png', Extra: 'kept as is' }, created: 1717243200, updated: 1717243200 },
              ],
              'unrelated.json': [{ id: 'x2', name: 'Not this one', values: {} }],
            },
          },
        },
      };
      const report = (await post(`/workflows/${image.id}/presets/import`, cozygen, bob).expect(200)).body as PresetImportReport;
      expect(report).toEqual({
        format: 'cozygen-v2',
        added: 1,
        replaced: 0,
        notices: [{ preset: 'From CozyGen', problem: 'output-image', message: 'Source Image: left out, a CozyGen output image (output::CozyGen::ComfyUI_00001_.png)' }],
      });
      const imported = (await list(image.id, bob)).items.find((p) => p.name === 'From CozyGen');
      expect(imported).toMatchObject({ values: { Extra: 'kept as is' }, createdAt: 1717243200000, updatedAt: 1717243200000 });
    });

    it.each([
      ['a file of another shape', { presets: 'nope' }, 'body'],
      ['a CozyGen file without this workflow', { workflows: { 'other.json': [] } }, 'workflows'],
    ])('refuses %s with 400, writing nothing', async (_case, body, field) => {
      const before = (await list(ints.id, bob)).items.length;
      const res = await post(`/workflows/${ints.id}/presets/import`, body, bob).expect(400);
      expect(res.body.message).toBe('The presets file cannot be imported; nothing was imported');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect((await list(ints.id, bob)).items).toHaveLength(before);
    });

    it('refuses an import that would pass 200 presets with 409, writing nothing', async () => {
      const presets = Array.from({ length: 201 }, (_, i) => ({ name: `bulk ${i}`, values: {}, created: '2024-01-01T00:00:00.000Z', updated: '2024-01-01T00:00:00.000Z' }));
      const res = await post(`/workflows/${ints.id}/presets/import`, { format: 'cozy-presets', version: 1, workflow: { name: 'Min ints', version: 1 }, presets }, alice).expect(409);
      expect(res.body.message).toMatch(/^The import would give you \d+ presets for this workflow; at most 200\. Nothing was imported$/);
      expect((await list(ints.id, alice)).items.some((p) => p.name.startsWith('bulk'))).toBe(false);
    });
  });
});
