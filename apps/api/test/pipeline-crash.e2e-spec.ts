import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readFixtureJson } from '@test/fixtures';
import { startTestStack, type TestStack } from './support/test-stack';
import { startWorkerProcess } from './support/worker-process';

const bearer = { type: 'bearer' } as const;

describe('X-6 / J-10 a worker killed mid-job', () => {
  let stack: TestStack;
  let flux: string;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false, sim: { stepMs: 100 } });
    flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
  });
  afterAll(async () => {
    await stack.close();
  });

  const startChild = () => startWorkerProcess(stack);

  it('is replaced by another worker that reattaches by prompt id: one submission, one set of outputs', async () => {
    const child = await startChild();

    const { token } = await stack.api.createUser('crash@test.local');
    const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'survivor', Width: 64, Height: 64, Steps: 30, 'Batch Size': 2 } }).expect(202);
    const [{ id }] = res.body.jobs as [{ id: string }];
    await stack.waitForJob(token, id, (s) => s === 'running');
    await child.kill();

    await stack.startWorker();
    const job = await stack.waitForJob(token, id, undefined, 60_000);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(2);
    // ComfyUI ran the prompt once: one history entry under the job id, two files in its folder.
    const history = (await (await fetch(`${stack.sim.url}/history?max_items=50`)).json()) as Record<string, unknown>;
    expect(Object.keys(history).filter((promptId) => promptId === id)).toHaveLength(1);
    expect(await readdir(join(stack.sim.dataDir, 'output', 'cg', id))).toHaveLength(2);
  }, 90_000);

  it('J-5 a prompt that started while no worker watched: job.started and progress on reattach, times from history', async () => {
    await stack.stopWorker();
    const child = await startChild();
    const { token } = await stack.api.createUser('unwatched@test.local');
    const { events } = await stack.socket(token);
    const submit = async (steps: number) => {
      const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'unwatched', Width: 64, Height: 64, Steps: steps } }).expect(202);
      return (res.body.jobs as [{ id: string }])[0].id;
    };
    await submit(20);
    const second = await submit(80);
    // The second waits in ComfyUI's own queue when its worker dies, and starts with no worker watching.
    await stack.waitForJob(token, second, (s) => s === 'dispatched');
    await child.kill();
    for (;;) {
      const queue = (await (await fetch(`${stack.sim.url}/queue`)).json()) as { queue_running: [number, string][] };
      if (queue.queue_running.some((item) => item[1] === second)) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    await stack.startWorker();
    const job = await stack.waitForJob(token, second, undefined, 60_000);
    expect(job.status).toBe('completed');
    const names = events.filter((e) => (e.payload as { jobId?: string }).jobId === second).map((e) => e.name);
    expect(names).toContain('job.started');
    expect(names.indexOf('job.progress')).toBeGreaterThan(names.indexOf('job.started'));
    const { dispatchedAt, startedAt, finishedAt, ingestedAt } = job.timings;
    expect(startedAt).toEqual(expect.any(Number));
    expect(dispatchedAt!).toBeLessThanOrEqual(startedAt!);
    expect(startedAt!).toBeLessThan(finishedAt!);
    expect(finishedAt!).toBeLessThanOrEqual(ingestedAt!);
    // finishedAt is when ComfyUI ended it (its history), not when we ingested it.
    const history = (await (await fetch(`${stack.sim.url}/history/${second}`)).json()) as Record<string, { status: { messages: [string, { timestamp: number }][] } }>;
    const ended = history[second]?.status.messages.find(([type]) => type === 'execution_success')?.[1].timestamp;
    expect(finishedAt).toBe(ended);
  }, 120_000);

  it('its jobs are taken over within seconds of the kill, not when its lock expires', async () => {
    await stack.stopWorker();
    const child = await startWorkerProcess(stack, { productionLocks: true });
    const { token } = await stack.api.createUser('taken-over@test.local');
    const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'taken over', Width: 64, Height: 64, Steps: 80 } }).expect(202);
    const [{ id }] = res.body.jobs as [{ id: string }];
    await stack.waitForJob(token, id, (s) => s === 'running');
    await child.kill();
    const killedAt = Date.now();

    await stack.startWorker();
    // The next worker's attempt is the job's second: it reattaches to the prompt still running.
    for (let job = await stack.waitForJob(token, id, () => true); job.attempts < 2; job = await stack.waitForJob(token, id, () => true)) {
      if (Date.now() - killedAt > 60_000) throw new Error('the job was not taken over within a minute');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    const job = await stack.waitForJob(token, id, undefined, 30_000);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(1);
  }, 120_000);
});
