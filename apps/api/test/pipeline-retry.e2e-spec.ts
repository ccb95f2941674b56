import type { JobDetail } from '@app/shared/contracts/api/generations';
import { readFixtureJson } from '@test/fixtures';
import { startTestStack, type TestStack } from './support/test-stack';

const bearer = { type: 'bearer' } as const;

/** cozygen-min-int-inputs with its randomized Color drawn from [min, max]. */
function colourGraph(min: number, max: number): Record<string, { inputs: Record<string, unknown> }> {
  const graph = readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json') as Record<string, { inputs: Record<string, unknown> }>;
  Object.assign(graph['6']!.inputs, { min_value: min, max_value: max, default_value: min });
  return graph;
}

describe('J-9 retry with a new seed of a job from an older workflow version', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('draws from that version’s form and runs that version, as the job records', async () => {
    const workflow = await stack.importWorkflow('Colours v1', colourGraph(0, 10));
    const { token } = await stack.api.createUser('retry-version@test.local');
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: workflow.id, values: { Width: 16, Height: 16 }, randomize: ['Color'] }).expect(202);
    const [{ id }] = submitted.body.jobs as [{ id: string }];
    expect((await stack.waitForJob(token, id)).status).toBe('completed');

    const admin = await stack.api.loginAdmin();
    await stack.api.http.put(`/api/workflows/${workflow.id}`).auth(admin.accessToken, bearer).send({ graph: colourGraph(1000, 2000) }).expect(200);

    const retried = await stack.api.http.post(`/api/generations/${id}/retry`).auth(token, bearer).send({ newSeed: true }).expect(202);
    const [{ id: retryId }] = retried.body.jobs as [{ id: string }];
    const retry: JobDetail = await stack.waitForJob(token, retryId);
    expect(retry).toMatchObject({ status: 'completed', workflowVersion: 1, retryOf: id });
    expect(retry.resolvedValues.Color).toEqual(expect.any(Number));
    expect(retry.resolvedValues.Color).toBeLessThanOrEqual(10);
    const compiled = (await (await fetch(`${stack.sim.url}/history/${retryId}`)).json()) as Record<string, { prompt: [number, string, Record<string, { inputs: { color?: unknown } }>] }>;
    expect(compiled[retryId]?.prompt[2]['1']?.inputs.color).toBe(retry.resolvedValues.Color);
  });
});
