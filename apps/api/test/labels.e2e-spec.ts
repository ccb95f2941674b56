import type { PresetImportReport } from '@app/shared/contracts/api/presets';
import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { readFixtureJson } from '@test/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
/**
 * One per kind the rule names: NUL, a line break, a C1 control, a bidi override, an isolate, a mark,
 * a BOM, a lone surrogate. Sent inside the name, since trimming would drop some at either end.
 */
const REFUSED: [string, string][] = [
  ['U+0000', '\u0000'],
  ['U+000A', '\n'],
  ['U+0085', '\u0085'],
  ['U+202E', '\u202E'],
  ['U+2066', '\u2066'],
  ['U+200F', '\u200F'],
  ['U+FEFF', '\uFEFF'],
  ['U+D800', '\uD800'],
];

type Send = (text: string) => Promise<{ status: number; body: unknown }>;

describe('S-20 names and labels shown to other users refuse control and text-direction characters', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let memberId: string;
  let workflowId: string;
  let aliasId: string;
  let categoryId: string;
  let presetId: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    const created = await api.createUser('labels@test.local');
    [member, memberId] = [created.token, created.user.id];
    workflowId = ((await post('/api/workflows', { name: 'Labels', graph: readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json') }, admin).expect(201)).body as WorkflowDetail).id;
    aliasId = (await post('/api/aliases', { category: 'hats', name: 'cap', text: 'a red cap' }).expect(201)).body.id as string;
    categoryId = ((await api.http.get('/api/alias-categories').auth(member, bearer).expect(200)).body.items as { id: string }[])[0]?.id ?? '';
    presetId = (await post(`/api/workflows/${workflowId}/presets`, { name: 'mine', values: {}, shared: true }).expect(201)).body.id as string;
  });
  afterAll(async () => {
    await api.close();
  });

  function post(path: string, body: object, token = member) {
    return api.http.post(path).auth(token, bearer).send(body);
  }
  const patch = (path: string, body: object, token = member) => api.http.patch(path).auth(token, bearer).send(body);

  const routes: [string, string, Send][] = [
    ['display name (own profile)', 'body.displayName', (t) => patch('/api/auth/me', { displayName: `Al${t}ice` })],
    ['display name (admin edit)', 'body.displayName', (t) => patch(`/api/users/${memberId}`, { displayName: `Al${t}ice` }, admin)],
    ['display name (new user)', 'body.displayName', (t) => post('/api/users', { email: 'new-label@test.local', password: 'long-enough-pw', displayName: `N${t}ew` }, admin)],
    ['email (new user)', 'body.email', (t) => post('/api/users', { email: `new${t}@test.local`, password: 'long-enough-pw' }, admin)],
    ['alias name', 'body.name', (t) => post('/api/aliases', { name: `h${t}at`, text: 'x' })],
    ['alias category', 'body.category', (t) => post('/api/aliases', { category: `h${t}ats`, name: 'brim', text: 'x' })],
    ['alias rename', 'body.name', (t) => patch(`/api/aliases/${aliasId}`, { name: `c${t}ap`, revision: 1 })],
    ['category name', 'body.name', (t) => post('/api/alias-categories', { name: `sh${t}oes` })],
    ['category rename', 'body.name', (t) => patch(`/api/alias-categories/${categoryId}`, { name: `ca${t}ps` })],
    ['preset name', 'body.name', (t) => post(`/api/workflows/${workflowId}/presets`, { name: `ni${t}ght`, values: {} })],
    ['preset rename', 'body.name', (t) => patch(`/api/presets/${presetId}`, { name: `mi${t}ne` })],
    ['preset copy name', 'body.name', (t) => post(`/api/presets/${presetId}/copy`, { name: `co${t}py` }, admin)],
    ['API token name', 'body.name', (t) => post('/api/tokens', { name: `lap${t}top` })],
    ['workflow name', 'body.name', (t) => patch(`/api/workflows/${workflowId}`, { name: `Fl${t}ux` }, admin)],
  ];

  describe.each(routes)('the %s', (_route, field, send) => {
    it.each(REFUSED)('refuses %s with 400 naming the field', async (code, character) => {
      const res = await send(character);
      expect([res.status, res.body]).toEqual([400, { statusCode: 400, message: 'Validation failed', errors: [{ field, message: expect.stringContaining(code) }] }]);
    });
  });

  it('writes nothing when refusing', async () => {
    await patch('/api/auth/me', { displayName: 'Bob\u202Egnp.exe' }).expect(400);
    await post('/api/tokens', { name: 'a\u202Eb' }).expect(400);
    expect((await api.http.get('/api/auth/me').auth(member, bearer).expect(200)).body.displayName).not.toContain('\u202E');
    expect((await api.http.get('/api/tokens').auth(member, bearer).expect(200)).body.items).toEqual([]);
  });

  it('keeps accepting names in any script, with emoji', async () => {
    expect((await patch('/api/auth/me', { displayName: 'مريم 山田 👩‍🎨' }).expect(200)).body.displayName).toBe('مريم 山田 👩‍🎨');
  });

  it('lets a workflow description hold line breaks and tabs but not a bidi override', async () => {
    await patch(`/api/workflows/${workflowId}`, { description: 'first line\n\tsecond line' }, admin).expect(200);
    const res = await patch(`/api/workflows/${workflowId}`, { description: 'a\u202Eb' }, admin);
    expect([res.status, res.body.errors]).toEqual([400, [{ field: 'body.description', message: 'must not contain control or text-direction characters (found U+202E)' }]]);
  });

  it('leaves out an imported preset whose name holds a bidi override, with a notice', async () => {
    const file = { format: 'cozy-presets', version: 1, workflow: { name: 'Labels', version: 1 }, presets: [{ name: 'evil\u202Egnp', values: {}, created: '2024-01-01T00:00:00Z', updated: '2024-01-01T00:00:00Z' }] };
    const report = (await post(`/api/workflows/${workflowId}/presets/import`, file).expect(200)).body as PresetImportReport;
    expect(report).toMatchObject({ added: 0, notices: [{ preset: 'evil\u202Egnp', problem: 'invalid-name', message: 'left out: a preset name must not contain control or text-direction characters (found U+202E)' }] });
  });
});
