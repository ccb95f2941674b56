import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { BackendsRepository } from '@app/server/repositories/backends.repository';
import { fixturePath, readFixtureJson, readFixtureText } from '@test/fixtures';
import { readdirSync } from 'node:fs';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
const FIXTURE_WORKFLOWS = ['cozygen', 'cozygen-min', 'plain'].flatMap((dir) =>
  readdirSync(fixturePath(`workflows/${dir}`)).filter((f) => f.endsWith('.json')).map((f) => `workflows/${dir}/${f}`),
);

describe('workflows api (W-1 … W-4, W-14)', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    member = (await api.createUser('wf-member@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const importGraph = (name: string, graph: unknown, token = admin) => api.http.post('/api/workflows').auth(token, bearer).send({ name, graph });

  it.each(FIXTURE_WORKFLOWS)('imports %s and serves its form to members', async (file) => {
    const created = await importGraph(file, readFixtureJson(file)).expect(201);
    const detail = created.body as WorkflowDetail;
    expect(detail.version).toBe(1);
    expect(detail.schema.fields.length).toBeGreaterThan(0);
    const read = await api.http.get(`/api/workflows/${detail.id}`).auth(member, bearer).expect(200);
    expect((read.body as WorkflowDetail).schema.fields.map((f) => f.name)).toEqual(detail.schema.fields.map((f) => f.name));
  });

  it('lists workflows by name for every user', async () => {
    const list = await api.http.get('/api/workflows').auth(member, bearer).expect(200);
    expect(list.body.items.length).toBe(FIXTURE_WORKFLOWS.length);
    const names = (list.body.items as { name: string }[]).map((w) => w.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('returns fields in display order with their types, defaults and limits (W-11)', async () => {
    const created = (await importGraph('min ints', readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json')).expect(201)).body as WorkflowDetail;
    expect(created.schema.fields.map((f) => ({ name: f.name, type: f.type, default: f.default, min: f.min, max: f.max, step: f.step }))).toEqual([
      { name: 'Width', type: 'int', default: 128, min: 16, max: 2048, step: 16 },
      { name: 'Height', type: 'int', default: 96, min: 16, max: 2048, step: 16 },
      { name: 'Color', type: 'int', default: 16744448, min: 0, max: 16777215, step: 1 },
    ]);
    expect(created.type).toBe('text-to-image');
  });

  it.each([
    ['a UI-format export', { nodes: [], links: [] }, /Export \(API\)/],
    ['a node without class_type', { '1': { inputs: {} } }, /class_type/],
    ['a link to a missing node', { '1': { class_type: 'SaveImage', inputs: { images: ['99', 0], filename_prefix: 'x' } } }, /99/],
    ['not an object', [1, 2], /JSON object/],
  ])('refuses %s with a 400 naming the problem, writing nothing', async (_case, graph, message) => {
    const before = (await api.http.get('/api/workflows').auth(admin, bearer)).body.items.length;
    const res = await importGraph(`bad ${String(_case)}`, graph).expect(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.errors[0].field).toMatch(/^body\.graph/);
    expect((await api.http.get('/api/workflows').auth(admin, bearer)).body.items.length).toBe(before);
  });

  it('reports the line and column of pasted JSON that does not parse', async () => {
    const res = await importGraph('pasted', '{\n  "1": {\n    "class_type": "SaveImage",\n  }\n}').expect(400);
    expect(res.body.message).toMatch(/line 4, column 3/);
  });

  it('refuses a duplicate name ignoring case (409) and a member import (403)', async () => {
    await importGraph('Unique Name', readFixtureJson('workflows/plain/model-free-invert.json')).expect(201);
    const dup = await importGraph('unique name', readFixtureJson('workflows/plain/model-free-invert.json')).expect(409);
    expect(dup.body.errors).toEqual([{ field: 'body.name', message: 'is already used by another workflow' }]);
    await importGraph('by member', readFixtureJson('workflows/plain/model-free-invert.json'), member).expect(403);
  });

  it('makes a new version for a new graph (W-2) and deletes', async () => {
    const created = (await importGraph('versioned', readFixtureJson('workflows/plain/model-free-invert.json')).expect(201)).body as WorkflowDetail;
    const updated = await api.http.put(`/api/workflows/${created.id}`).auth(admin, bearer).send({ graph: readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json'), description: 'now with markers' }).expect(200);
    expect(updated.body).toMatchObject({ version: 2, description: 'now with markers', source: 'cozygen' });
    await api.http.delete(`/api/workflows/${created.id}`).auth(member, bearer).expect(403);
    await api.http.delete(`/api/workflows/${created.id}`).auth(admin, bearer).expect(204);
    await api.http.get(`/api/workflows/${created.id}`).auth(admin, bearer).expect(404);
  });

  it('offers choices live from the backends’ catalogues (W-14)', async () => {
    const created = (await importGraph('sd15 live', readFixtureJson('workflows/plain/sd15-txt2img.json')).expect(201)).body as WorkflowDetail;
    const repo = api.app.get(BackendsRepository);
    const [backend] = await repo.ensureConfigured(['http://127.0.0.1:1'], Date.now());
    const objectInfo = JSON.parse(readFixtureText('object-info-full.json')) as { CheckpointLoaderSimple: { input: { required: { ckpt_name: [string[], object] } } } };
    objectInfo.CheckpointLoaderSimple.input.required.ckpt_name[0] = ['house/special.safetensors'];
    await repo.setCatalogue(backend!.id, objectInfo, {}, Date.now());
    const live = (await api.http.get(`/api/workflows/${created.id}`).auth(member, bearer).expect(200)).body as WorkflowDetail;
    expect(live.schema.fields.find((f) => f.name === '4.ckpt_name')?.choices).toEqual(['house/special.safetensors']);
    expect(live.schema.fields.find((f) => f.name === '3.sampler_name')?.choices).toContain('euler');
  });

  describe('W-21 compile dry run', () => {
    it('returns the vanilla graph a job would send, the same for the same seed, and queues nothing', async () => {
      const created = (await importGraph('dry run', readFixtureJson('workflows/cozygen-min/cozygen-min-dynamic-inputs.json')).expect(201)).body as WorkflowDetail;
      const body = { values: { width: 64, height: 32 }, randomize: ['Fill Colour'], seed: 99 };
      const first = await api.http.post(`/api/workflows/${created.id}/compile`).auth(member, bearer).send(body).expect(200);
      const again = await api.http.post(`/api/workflows/${created.id}/compile`).auth(member, bearer).send(body).expect(200);
      expect(JSON.stringify(again.body.graph)).toBe(JSON.stringify(first.body.graph));
      const classes = Object.values(first.body.graph as Record<string, { class_type: string }>).map((n) => n.class_type);
      expect(classes.filter((c) => c.startsWith('CozyGen'))).toEqual([]);
      expect(first.body.graph['1'].inputs).toMatchObject({ width: 64, height: 32 });
      expect(first.body.values['Fill Colour']).toEqual(expect.any(Number));
      expect((await api.http.get('/api/generations').auth(member, bearer)).body.items).toEqual([]);
    });

    it('answers invalid values with 400 naming the field', async () => {
      const created = (await importGraph('dry run bad', readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json')).expect(201)).body as WorkflowDetail;
      const res = await api.http.post(`/api/workflows/${created.id}/compile`).auth(member, bearer).send({ values: { Width: 4 } }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'body.values.Width', message: expect.stringMatching(/16/) }]);
    });
  });
});
