import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { releaseJobsOfGoneWorkers } from './gone-workers';
import { identityOf, WorkerRegistry, type ProcessIdentity } from './worker-registry';

/** The identity a process had, once it is dead. */
async function deadProcess(): Promise<ProcessIdentity> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const identity = await identityOf(child.pid);
  child.kill('SIGKILL');
  await once(child, 'exit');
  return identity!;
}

describe('J-10 jobs of a dead worker go back to waiting at once', () => {
  const prefix = `test-gone-${process.pid}`;
  let redis: Redis;
  let holderConnection: Redis;
  let queue: Queue;
  let holder: Worker;
  let registry: WorkerRegistry;
  let letGo: () => void;
  beforeAll(async () => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? '', { maxRetriesPerRequest: null });
    queue = new Queue('generate', { connection: redis, prefix });
    registry = new WorkerRegistry(redis, prefix);
    const held = new Promise<void>((resolve) => (letGo = resolve));
    // Holds its job (and the lock) as a worker in the middle of a job does.
    holderConnection = redis.duplicate();
    holder = new Worker('generate', () => held, { connection: holderConnection, prefix, lockDuration: 60_000 });
    await queue.add('generate', {}, { jobId: 'held-job', priority: 7 });
    while ((await queue.getActiveCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(async () => {
    letGo();
    await holder.close(true);
    await queue.obliterate({ force: true });
    await queue.close();
    holderConnection.disconnect();
    redis.disconnect();
  });

  it('leaves the job of a live worker, and of a worker never registered, with it', async () => {
    expect(await releaseJobsOfGoneWorkers(queue, registry, 'someone-else')).toEqual([]);
    await registry.register(holder.id, (await identityOf())!, 60_000);
    expect(await releaseJobsOfGoneWorkers(queue, registry, 'someone-else')).toEqual([]);
    expect(await queue.getJobState('held-job')).toBe('active');
  });

  it('gives the job of a worker whose process is gone back to the queue, with its priority', async () => {
    await registry.register(holder.id, await deadProcess(), 60_000);
    expect(await releaseJobsOfGoneWorkers(queue, registry, 'someone-else')).toEqual(['held-job']);
    expect(await queue.getJobState('held-job')).toBe('prioritized');
    expect((await queue.getJob('held-job'))?.attemptsMade).toBe(0);
  });
});
