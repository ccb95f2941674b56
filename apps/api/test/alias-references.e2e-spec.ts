import { readFixtureJson } from '@test/fixtures';
import type { Alias, AliasDetail, AliasReferencesReport } from '@app/shared/contracts/api/aliases';
import type { Preset, PresetList } from '@app/shared/contracts/api/presets';
import type { WorkflowDetail, WorkflowMemory } from '@app/shared/contracts/api/workflows';
import { WorkflowMemoryRepository } from '@app/server/repositories/workflow-memory.repository';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

describe('A-8 rewriting references after a rename', () => {
  let api: TestApi;
  let alice: string;
  let bob: string;
  let workflow: WorkflowDetail;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = (await api.loginAdmin()).accessToken;
    alice = (await api.createUser('refs-alice@test.local')).token;
    bob = (await api.createUser('refs-bob@test.local')).token;
    const graph = readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json');
    workflow = (await post('/workflows', { name: 'Min ints', graph }, admin).expect(201)).body as WorkflowDetail;
  });
  afterAll(async () => {
    await api.close();
  });

  const { get, post, patch } = apiRequests(
    () => api,
    () => alice,
  );
  const createAlias = async (body: object, as = alice): Promise<Alias> => (await post('/aliases', body, as).expect(201)).body as Alias;
  const rename = async (alias: Alias, body: object, as = alice): Promise<Alias> =>
    (await patch(`/aliases/${alias.id}`, { ...body, revision: alias.revision }, as).expect(200)).body as Alias;
  const rewrite = async (body: object, as = alice, status = 200) => (await post('/aliases/rewrite-references', body, as).expect(status)).body as AliasReferencesReport;
  const presetsOf = async (as: string) => ((await get(`/workflows/${workflow.id}/presets`, as).expect(200)).body as PresetList).items;
  const memoryOf = async (as: string) => (await get(`/workflows/${workflow.id}/memory`, as).expect(200)).body as WorkflowMemory;

  it('counts first, then points presets, remembered values and other aliases at the new key', async () => {
    const castle = await createAlias({ category: 'places', name: 'castle', text: 'stone castle' });
    const scene = await createAlias({ name: 'scene', text: '($castle$:1.2), moat' });
    const preset = (await post(`/workflows/${workflow.id}/presets`, { name: 'Castle', values: { Prompt: '$places:castle$, places::castle', Width: 64 } }, alice).expect(201)).body as Preset;
    const aliceId = (await get('/auth/me', alice).expect(200)).body.id as string;
    await api.app.get(WorkflowMemoryRepository).save(aliceId, workflow.id, { values: { Prompt: 'at $castle$', Width: 128 }, randomize: ['Width'], bypass: [] }, Date.now());

    await rename(castle, { name: 'fort' });
    const counted = await rewrite({ renames: [{ id: castle.id, from: 'places::castle' }], dryRun: true });
    expect(counted).toEqual({ tokens: 4, presets: 1, memories: 1, aliases: 1 });
    expect((await presetsOf(alice))[0]?.values).toEqual(preset.values);

    expect(await rewrite({ renames: [{ id: castle.id, from: 'places::castle' }] })).toEqual(counted);
    expect((await presetsOf(alice))[0]?.values).toEqual({ Prompt: '$places:fort$, places::fort', Width: 64 });
    expect(await memoryOf(alice)).toMatchObject({ values: { Prompt: 'at $places:fort$', Width: 128 }, randomize: ['Width'] });
    const rewritten = (await get(`/aliases/${scene.id}`, alice).expect(200)).body as AliasDetail;
    expect(rewritten).toMatchObject({ text: '($places:fort$:1.2), moat', revision: scene.revision + 1 });
    expect(rewritten.revisions.map((kept) => kept.text)).toEqual(['($castle$:1.2), moat']);

    const expanded = await post('/prompts/expand', { text: '$scene$', seed: 1 }, alice).expect(200);
    expect(expanded.body.text).toBe('(stone castle:1.2), moat');
    expect(await rewrite({ renames: [{ id: castle.id, from: 'places::castle' }] })).toEqual({ tokens: 0, presets: 0, memories: 0, aliases: 0 });
  });

  it('follows a category rename for every alias in it', async () => {
    const lake = await createAlias({ category: 'water', name: 'lake', text: 'calm lake' });
    const sea = await createAlias({ category: 'water', name: 'sea', text: 'rough sea' });
    await createAlias({ name: 'coast', text: '$water:lake$ and water::sea' });
    const category = ((await get('/alias-categories', alice).expect(200)).body.items as { id: string; name: string }[]).find((c) => c.name === 'water');
    await patch(`/alias-categories/${category?.id}`, { name: 'waters' }).expect(200);
    const report = await rewrite({ renames: [{ id: lake.id, from: 'water::lake' }, { id: sea.id, from: 'water::sea' }] });
    expect(report).toEqual({ tokens: 2, presets: 0, memories: 0, aliases: 1 });
    const coast = ((await get('/aliases?q=coast', alice).expect(200)).body.items as Alias[])[0];
    expect(coast?.text).toBe('$waters:lake$ and waters::sea');
  });

  it("refuses a former key another alias holds now (409), another user's alias (400), and bad keys (400), changing nothing", async () => {
    const moon = await createAlias({ name: 'moon', text: 'full moon' });
    await createAlias({ name: 'night', text: '$moon$, stars' });
    await rename(moon, { name: 'luna' });
    await createAlias({ name: 'moon', text: 'crescent moon' });
    const clash = await post('/aliases/rewrite-references', { renames: [{ id: moon.id, from: 'moon' }] }, alice).expect(409);
    expect(clash.body.errors).toEqual([{ field: 'body.renames.0.from', message: 'is the key of another alias now' }]);

    const bobs = await createAlias({ name: 'secret', text: 'hidden' }, bob);
    const foreign = await post('/aliases/rewrite-references', { renames: [{ id: bobs.id, from: 'old' }] }, alice).expect(400);
    expect(foreign.body.errors).toEqual([{ field: 'body.renames.0.id', message: 'is not one of your aliases' }]);

    const bad = await post('/aliases/rewrite-references', { renames: [{ id: moon.id, from: 'no spaces allowed' }] }, alice).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'body.renames.0.from', message: 'must be an alias key such as places::castle' }]);
    await post('/aliases/rewrite-references', { renames: [] }, alice).expect(400);

    const night = ((await get('/aliases?q=night', alice).expect(200)).body.items as Alias[])[0];
    expect(night).toMatchObject({ text: '$moon$, stars', revision: 1 });
  });
});
