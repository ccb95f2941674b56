import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { identityOf, isGone, WorkerRegistry } from './worker-registry';

describe('J-10 telling for certain that a worker process is gone', () => {
  it('a live process is not gone; once killed it is', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const identity = await identityOf(child.pid);
    expect(identity).toEqual({ namespace: expect.any(String), pid: child.pid, startedAt: expect.stringMatching(/^\d+$/) });
    expect(await isGone(identity!)).toBe(false);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(await isGone(identity!)).toBe(true);
  });

  it('a pid now used by another process is gone; a process elsewhere never is', async () => {
    const self = (await identityOf())!;
    expect(await isGone(self)).toBe(false);
    expect(await isGone({ ...self, startedAt: '1' })).toBe(true);
    // Another machine or container: its pids say nothing here, so its lock decides.
    expect(await isGone({ ...self, pid: 999_999_999, namespace: 'another-boot/pid:[1]' })).toBe(false);
  });

  it('keeps each worker’s identity in Redis under its worker id, for as long as asked', async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? '');
    try {
      const registry = new WorkerRegistry(redis, `test-registry-${process.pid}`);
      const self = (await identityOf())!;
      await registry.register('worker-a', self, 200);
      expect(await registry.find('worker-a')).toEqual(self);
      expect(await registry.find('worker-b')).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await registry.find('worker-a')).toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });
});
