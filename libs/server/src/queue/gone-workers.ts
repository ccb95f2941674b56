import type { Queue } from 'bullmq';
import { isGone, type WorkerRegistry } from './worker-registry';

/**
 * J-10 in seconds rather than a lock's lifetime: every active job whose lock belongs to a worker
 * process known to be gone (`isGone`) goes back to waiting now, keeping its priority and without
 * using an attempt, instead of after its lock expires and a stalled check notices. The lock token
 * must still be the one read: a job another worker took meanwhile stays with it. Returns the ids.
 */
export async function releaseJobsOfGoneWorkers(queue: Queue, registry: WorkerRegistry, ownWorkerId: string): Promise<string[]> {
  const client = await queue.client;
  const released: string[] = [];
  for (const job of await queue.getActive()) {
    if (!job.id) continue;
    // BullMQ's lock tokens are `<worker id>:<n>`.
    const token = await client.get(`${queue.toKey(job.id)}:lock`);
    const owner = token?.split(':')[0];
    if (!token || !owner || owner === ownWorkerId) continue;
    const identity = await registry.find(owner);
    if (!identity || !(await isGone(identity))) continue;
    const moved = await job.moveToWait(token).then(
      () => true,
      () => false,
    );
    if (moved) released.push(job.id);
  }
  return released;
}
