import type { JobDetail } from '@app/shared/contracts/api/generations';
import { readFixtureJson } from '@test/fixtures';
import { startTestStack, type TestStack } from './support/test-stack';
import { until } from './support/until';
import { startWorkerProcess } from './support/worker-process';

const bearer = { type: 'bearer' } as const;
const LIVE = new Set(['job.progress', 'job.preview']);

describe('X-6 / J-6 a worker killed right after committing a completion', () => {
  let stack: TestStack;
  let flux: string;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false, sim: { stepMs: 10 } });
    flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
  });
  afterAll(async () => {
    await stack.close();
  });

  it('the owner’s socket still gets job.completed, numbered right after its outputs, within a few seconds', async () => {
    const child = await startWorkerProcess(stack, { dieAfterCompletionCommit: true });
    const { token } = await stack.api.createUser('outbox@test.local');
    const { events } = await stack.socket(token);

    const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'last words', Width: 64, Height: 64, Steps: 5, 'Batch Size': 2 } }).expect(202);
    const [{ id }] = res.body.jobs as [{ id: string }];
    expect(await child.nextMessage()).toEqual({ diedAfterCompleting: id });
    const died = Date.now();

    const ofJob = () => events.filter((e) => (e.payload as { jobId?: string }).jobId === id);
    await until(() => ofJob().some((e) => e.name === 'job.completed'), 'job.completed on the owner’s socket', 5000);
    const healedMs = Date.now() - died;

    const job = (await stack.api.http.get(`/api/generations/${id}`).auth(token, bearer).expect(200)).body as JobDetail;
    expect(job.status).toBe('completed');
    const state = ofJob()
      .filter((e) => !LIVE.has(e.name))
      .map((e) => ({ name: e.name, seq: (e.payload as { seq: number }).seq }));
    // Numbered 1, 2, … without a hole, each once, ending with the completion the api reports.
    expect(state.map((e) => e.seq)).toEqual(state.map((_, i) => i + 1));
    expect(state.slice(-3).map((e) => e.name)).toEqual(['job.output', 'job.output', 'job.completed']);
    expect(state.at(-1)?.seq).toBe(job.seq);
    const completed = ofJob().find((e) => e.name === 'job.completed')?.payload as { outputs: { id: string }[] };
    expect(completed.outputs.map((o) => o.id).sort()).toEqual(job.outputs.map((o) => o.id).sort());
    process.stdout.write(`job.completed reached the socket ${healedMs} ms after its worker died\n`);
  }, 60_000);
});
