import type { JobList } from '@app/shared/contracts/api/generations';
import { startRedisServer, type RedisProcess } from '@app/server/redis/redis-process';
import { readFixtureJson } from '@test/fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, type TestStack } from './support/test-stack';
import { until } from './support/until';

const bearer = { type: 'bearer' } as const;
/**
 * The bound the api keeps while Redis is away (N-16): it answers from what it knows instead of
 * waiting for a reconnection. Before, health took its 2 s probe timeout and a submit hung until
 * Redis came back.
 */
const PROMPT_MS = 1500;

describe('X-6 Redis killed and restarted under the api and the worker', () => {
  const redisDir = mkdtempSync(join(tmpdir(), 'cs-redis-outage-'));
  let redis: RedisProcess;
  let stack: TestStack;
  let flux: string;

  const killRedis = async () => {
    redis.child.kill('SIGKILL');
    await until(() => redis.child.signalCode !== null, 'redis-server gone', 5_000);
  };
  /** The same server again (same port, same append-only file), and the api connected to it. */
  const restartRedis = async () => {
    redis = await startRedisServer({ dir: redisDir, port: redis.port });
    const deadline = Date.now() + 10_000;
    while ((await stack.api.http.get('/api/health')).status !== 200) {
      if (Date.now() > deadline) throw new Error('health not 200 within 10 s of Redis coming back');
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
    }
  };

  beforeAll(async () => {
    redis = await startRedisServer({ dir: redisDir });
    stack = await startTestStack({ sim: { stepMs: 20 }, apiEnv: { REDIS_URL: redis.url } });
    flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('answers 503 at once while Redis is down — health, and a submit that leaves no job behind — and lists jobs still; 200 again once it is back', async () => {
    const { token } = await stack.api.createUser('outage@test.local');
    // Three slow jobs on two slots: one is still waiting in line when Redis dies.
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'before', Width: 64, Height: 64, Steps: 100 }, count: 3 }).expect(202);
    const before = (submitted.body.jobs as { id: string }[]).map((job) => job.id);
    await stack.waitForJob(token, before[0]!, (status) => status === 'running');
    await killRedis();

    const health = await stack.api.http.get('/api/health').timeout(PROMPT_MS);
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', db: 'up', redis: 'down' });

    const refused = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'during', Width: 64, Height: 64 }, count: 3 }).timeout(PROMPT_MS);
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ statusCode: 503, message: expect.stringContaining('Redis') });
    expect(refused.headers['retry-after']).toBe('2');

    // The job list needs Redis only for places in line: it still answers, without them.
    const list = (await stack.api.http.get('/api/generations').auth(token, bearer).timeout(PROMPT_MS).expect(200)).body as JobList;
    expect(list.items.map((job) => job.id).sort()).toEqual([...before].sort());
    expect(list.items.find((job) => job.status === 'queued')).toMatchObject({ position: null });

    await restartRedis();
    const after = (await stack.api.http.get('/api/generations').auth(token, bearer).expect(200)).body as JobList;
    expect(after.items.map((job) => job.id).sort()).toEqual([...before].sort());
    for (const id of before) await stack.api.http.delete(`/api/generations/${id}`).auth(token, bearer);
    for (const id of before) expect((await stack.waitForJob(token, id)).status).toMatch(/cancelled|completed/);
  }, 60_000);

  it('finishes a batch Redis died in the middle of, and events and cancels keep flowing over the re-subscribed channels', async () => {
    const { token } = await stack.api.createUser('batch@test.local');
    const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'batch', Width: 64, Height: 64, Steps: 15 }, count: 6 }).expect(202);
    const ids = (res.body.jobs as { id: string }[]).map((job) => job.id);
    await stack.waitForJob(token, ids[0]!);
    await killRedis();
    await restartRedis();

    const batch = await Promise.all(ids.map((id) => stack.waitForJob(token, id, undefined, 60_000)));
    expect(batch.map((job) => job.status)).toEqual(ids.map(() => 'completed'));

    // The api's relay of job events listens again: a new job's whole story reaches the socket.
    const { events } = await stack.socket(token);
    const next = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'next', Width: 64, Height: 64, Steps: 3 } }).expect(202);
    const [{ id: nextId }] = next.body.jobs as [{ id: string }];
    await until(() => events.some((e) => e.name === 'job.completed' && (e.payload as { jobId: string }).jobId === nextId), 'job.completed on the socket', 15_000);
    expect(events.filter((e) => (e.payload as { jobId: string }).jobId === nextId).map((e) => e.name)).toEqual(expect.arrayContaining(['job.queued', 'job.started', 'job.completed']));

    // The workers' cancel channel listens again: a running job is interrupted.
    const slow = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'slow', Width: 64, Height: 64, Steps: 100 } }).expect(202);
    const [{ id: slowId }] = slow.body.jobs as [{ id: string }];
    await stack.waitForJob(token, slowId, (status) => status === 'running');
    await stack.api.http.delete(`/api/generations/${slowId}`).auth(token, bearer).expect(202);
    expect((await stack.waitForJob(token, slowId, undefined, 10_000)).status).toBe('cancelled');
  }, 90_000);
});
