import { startTsChild } from '@app/server/comfy/testing/ts-child-process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readFixtureJson } from '@test/fixtures';
import { startTestStack, type TestStack } from './support/test-stack';

const bearer = { type: 'bearer' } as const;

describe('X-6 / J-10 a worker killed mid-job', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false, sim: { stepMs: 100 } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('is replaced by another worker that reattaches by prompt id: one submission, one set of outputs', async () => {
    const flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
    const { config } = stack.api;
    const child = await startTsChild(resolve(__dirname, '../../worker/test/worker-child.ts'), [
      JSON.stringify({ DATA_DIR: config.dataDir, ...(config.database.kind === 'postgres' ? { DATABASE_URL: config.database.url } : {}), REDIS_URL: config.redisUrl ?? '', REDIS_PREFIX: config.redisPrefix, COMFYUI_URLS: stack.sim.url, LOG_LEVEL: 'silent' }),
    ]);
    expect(await child.nextMessage()).toEqual({ ready: true });

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
});
