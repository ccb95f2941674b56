import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * J-7: each waiting job's place in the projected dispatch order (1 = next). Every job we add has
 * a priority, so BullMQ keeps them all in its `prioritized` sorted set, ordered exactly as it
 * will hand them out; a job's rank there is its position.
 */
export async function queuePositions(redis: Redis, queue: Queue, jobIds: readonly string[]): Promise<Map<string, number>> {
  const key = queue.keys.prioritized;
  if (jobIds.length === 0 || key === undefined) return new Map();
  const ranks = await Promise.all(jobIds.map((id) => redis.zrank(key, id)));
  const positions = new Map<string, number>();
  jobIds.forEach((id, i) => {
    const rank = ranks[i];
    if (typeof rank === 'number') positions.set(id, rank + 1);
  });
  return positions;
}
