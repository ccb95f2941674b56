import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { readFixtureJson } from '@test/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

describe('S-20 bad submissions: 4xx with field errors, nothing queued', () => {
  let api: TestApi;
  let token: string;
  let workflowId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = (await api.loginAdmin()).accessToken;
    const created = await api.http.post('/api/workflows').auth(admin, bearer).send({ name: 'ints', graph: readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json') });
    workflowId = (created.body as WorkflowDetail).id;
    token = (await api.createUser('bad-submitter@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['an unknown workflow', () => ({ workflowId: '00000000-0000-4000-8000-000000000000', values: {} }), [{ field: 'body.workflowId', message: 'no such workflow' }]],
    ['a path-like workflow id', () => ({ workflowId: '../../etc/passwd', values: {} }), [{ field: 'body.workflowId', message: 'must be a workflow id' }]],
    ['a value of the wrong type', () => ({ workflowId, values: { Width: 'wide' } }), [{ field: 'body.values.Width', message: expect.any(String) }]],
    ['a value out of range', () => ({ workflowId, values: { Height: 100000 } }), [{ field: 'body.values.Height', message: expect.stringMatching(/2048/) }]],
    ['a fractional integer', () => ({ workflowId, values: { Width: 16.5 } }), [{ field: 'body.values.Width', message: expect.any(String) }]],
    ['an unknown field', () => ({ workflowId, values: { Depth: 3 } }), [{ field: 'body.values.Depth', message: expect.any(String) }]],
    ['randomize on a field without the switch', () => ({ workflowId, values: {}, randomize: ['Width'] }), [{ field: expect.stringMatching(/^body\.randomize/), message: expect.any(String) }]],
    ['a count of 0', () => ({ workflowId, values: {}, count: 0 }), [{ field: 'body.count', message: expect.any(String) }]],
    ['a count over 1000', () => ({ workflowId, values: {}, count: 1001 }), [{ field: 'body.count', message: expect.any(String) }]],
    ['an unknown top-level key', () => ({ workflowId, values: {}, priority: 1 }), [{ field: 'body.priority', message: 'unknown field' }]],
  ])('refuses %s', async (_case, body, errors) => {
    const res = await api.http.post('/api/generations').auth(token, bearer).send(body());
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(errors);
    expect((await api.http.get('/api/generations').auth(token, bearer)).body.items).toEqual([]);
  });

  it.each(['not-a-uuid', '1%20OR%201=1'])('answers a malformed job id %p with 400', async (id) => {
    const res = await api.http.get(`/api/generations/${id}`).auth(token, bearer).expect(400);
    expect(res.body.errors).toEqual([{ field: 'params.id', message: 'must be a UUID' }]);
  });

  it('answers a read-only token with 403 on submit', async () => {
    const ro = await api.http.post('/api/tokens').auth(token, bearer).send({ name: 'ro', scopes: ['read'] }).expect(201);
    await api.http.post('/api/generations').auth(ro.body.secret as string, bearer).send({ workflowId, values: {} }).expect(403);
  });
});
