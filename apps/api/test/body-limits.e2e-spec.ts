import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { readFixtureText } from '@test/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
const MB = 1024 * 1024;
const tooLarge = (megabytes: number) => ({ statusCode: 413, message: 'Request body too large', errors: [{ field: 'body', message: `must be at most ${megabytes} MB` }] });

describe('S-20 JSON bodies are limited to 1 MB, imports to 5 MB', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let workflow: WorkflowDetail;
  const graph = readFixtureText('workflows/cozygen-min/cozygen-min-int-inputs.json');
  /** The export pasted as text, padded with whitespace to `bytes`. */
  const pastedGraph = (bytes: number) => `${graph}${' '.repeat(bytes - graph.length)}`;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    member = (await api.createUser('body-limits@test.local')).token;
    workflow = (await api.http.post('/api/workflows').auth(admin, bearer).send({ name: 'limits', graph }).expect(201)).body as WorkflowDetail;
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['compiling a form', () => `/api/workflows/${workflow.id}/compile`, { values: { padding: 'x'.repeat(3 * MB) } }],
    ['saving a preset', () => `/api/workflows/${workflow.id}/presets`, { name: 'big', values: { padding: 'x'.repeat(3 * MB) } }],
  ])('refuses 3 MB for %s under /api/workflows with a 413', async (_case, path, body) => {
    const res = await api.http.post(path()).auth(member, bearer).send(body);
    expect([res.status, res.body]).toEqual([413, tooLarge(1)]);
  });

  it('takes a 3 MB workflow import and replacement, and refuses 6 MB', async () => {
    const created = await api.http.post('/api/workflows').auth(admin, bearer).send({ name: 'three megabytes', graph: pastedGraph(3 * MB) });
    expect(created.status).toBe(201);
    const replaced = await api.http.put(`/api/workflows/${(created.body as WorkflowDetail).id}`).auth(admin, bearer).send({ graph: pastedGraph(3 * MB) });
    expect([replaced.status, (replaced.body as WorkflowDetail).version]).toEqual([200, 2]);
    const huge = await api.http.post('/api/workflows').auth(admin, bearer).send({ name: 'six megabytes', graph: pastedGraph(6 * MB) });
    expect([huge.status, huge.body]).toEqual([413, tooLarge(5)]);
  });
});
