import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { readFixtureJson } from '@test/fixtures';
import { ADMIN, startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
const NUL = '\u0000';
/** Bytes a sweep of the api sent: NUL, other C0 and C1 controls, DEL, a bidi override, a lone surrogate. */
const ODD = ['\u0001', '\u001b[31m', '\u007f', '\u0085', '\u202e', '\ud800'];

interface Probe {
  name: string;
  /** Where the text goes, as the api names the field in a 400. */
  field: string;
  send(text: string): Promise<{ status: number; body: { errors?: unknown } }>;
}

describe('N-17 NUL and control characters in text that reaches the database', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let workflowId: string;
  let aliasId: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    member = (await api.createUser('control-characters@test.local')).token;
    // A small tag list: its search reaches FTS5 once the first rows do not fill a page.
    const csv = 'long_hair,0,100,longhair\nlong_sleeves,0,90,\nblonde_hair,0,80,\n';
    await api.http.post('/api/admin/tags/import').auth(admin, bearer).attach('file', Buffer.from(csv), 'tags.csv').expect(200);
    workflowId = ((await api.http.post('/api/workflows').auth(admin, bearer).send({ name: 'w', graph: readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json') }).expect(201)).body as WorkflowDetail).id;
    aliasId = (await api.http.post('/api/aliases').auth(member, bearer).send({ category: 'hats', name: 'cap', text: 'a red cap' }).expect(201)).body.id as string;
  });
  afterAll(async () => {
    await api.close();
  });

  const get = (path: string, query: Record<string, string>, token = member) => api.http.get(path).query(query).auth(token, bearer);
  const post = (path: string, body: object, token = member) => api.http.post(path).auth(token, bearer).send(body);
  const probes = (): Probe[] => [
    { name: 'tag search', field: 'query.q', send: (t) => get('/api/tags', { q: `lo${t}ng` }) },
    { name: 'tag search at the end', field: 'query.q', send: (t) => get('/api/tags', { q: `hair${t}` }) },
    { name: 'tag category filter', field: 'query.category', send: (t) => get('/api/tags', { category: `general${t}` }) },
    { name: 'tag check', field: 'body.text', send: (t) => post('/api/tags/validate', { text: `long${t}hair, blonde_hair` }) },
    { name: 'alias search', field: 'query.q', send: (t) => get('/api/aliases', { q: `ca${t}p` }) },
    { name: 'alias category filter', field: 'query.category', send: (t) => get('/api/aliases', { category: `hats${t}` }) },
    { name: 'shared alias search', field: 'query.q', send: (t) => get('/api/aliases/shared', { q: `ca${t}p` }) },
    { name: 'shared category search', field: 'query.q', send: (t) => get('/api/aliases/shared/categories', { q: `ha${t}ts` }) },
    { name: 'alias text', field: 'body.text', send: (t) => post('/api/aliases', { name: `n${Math.random()}`, text: `red${t}hat` }) },
    { name: 'alias edit', field: 'body.text', send: (t) => api.http.patch(`/api/aliases/${aliasId}`).auth(member, bearer).send({ text: `x${t}`, revision: 1 }) },
    { name: 'alias import key', field: 'body.items', send: (t) => post('/api/aliases/import', { items: { [`k${t}`]: 'v' } }) },
    { name: 'prompt expansion', field: 'body.text', send: (t) => post('/api/prompts/expand', { text: `$cap$ ${t}` }) },
    { name: 'preset values', field: 'body.values.Width', send: (t) => post(`/api/workflows/${workflowId}/presets`, { name: `p${Math.random()}`, values: { Width: `1${t}` } }) },
    { name: 'form compile', field: 'body.values.Width', send: (t) => post(`/api/workflows/${workflowId}/compile`, { values: { Width: `1${t}` } }) },
    { name: 'workflow graph', field: 'body.graph.1.class_type', send: (t) => post('/api/workflows', { name: 'g', graph: { 1: { class_type: `Empty${t}`, inputs: {} } } }, admin) },
    { name: 'login email', field: 'body.email', send: (t) => api.http.post('/api/auth/login').send({ email: `admin${t}@test.local`, password: ADMIN.password }) },
    { name: 'login password', field: 'body.password', send: (t) => api.http.post('/api/auth/login').send({ email: ADMIN.email, password: `${ADMIN.password}${t}` }) },
  ];

  it.each(probes().map((probe) => [probe.name, probe] as const))('refuses NUL in the %s with 400 naming the field', async (_name, probe) => {
    const res = await probe.send(NUL);
    expect([res.status, res.body.errors]).toEqual([400, [{ field: probe.field, message: expect.stringContaining('NUL') }]]);
  });

  it.each(probes().map((probe) => [probe.name, probe] as const))('never answers 5xx to control characters in the %s', async (_name, probe) => {
    for (const odd of ODD) {
      const res = await probe.send(odd);
      expect([odd, res.status < 500]).toEqual([odd, true]);
    }
  });

  it('refuses a body nested deeper than any route takes with 400, not a stack overflow', async () => {
    const deep = `{"name": "deep", "values": {"Width": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const res = await api.http.post(`/api/workflows/${workflowId}/presets`).auth(member, bearer).set('Content-Type', 'application/json').send(deep);
    expect([res.status, res.body.errors]).toEqual([400, [{ field: expect.stringMatching(/^body\.values\.Width(\.0)+$/), message: 'nests deeper than 64 levels' }]]);
  });
});
