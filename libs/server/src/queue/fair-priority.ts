import type { Redis } from 'ioredis';

/** BullMQ's largest priority (2^21); beyond it we clamp, which only costs fairness. */
export const MAX_PRIORITY = 2_097_152;

/** A user's consecutive jobs are this far apart on the clock, leaving room for a newcomer between them. */
const STRIDE = 2;

/**
 * Fair dispatch with plain BullMQ priorities (B-13, X-1). Jobs are numbered on a shared
 * "virtual clock" whose `level` is the priority of the job dispatched most recently. A user with
 * jobs still waiting continues their own sequence (last + 2, keeping their order, B-11); a user
 * with none starts at level + 1 — just ahead of everyone's next job. So someone arriving while
 * another user has 300 jobs waiting is dispatched next, and users with waiting jobs alternate.
 */
const RESERVE = `
local level = tonumber(redis.call('GET', KEYS[1]) or '0')
local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local stride = tonumber(ARGV[3])
local first = level + 1
if last > level then first = last + stride end
redis.call('HSET', KEYS[2], ARGV[1], first + stride * (tonumber(ARGV[2]) - 1))
return first`;

const ADVANCE = `
local level = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > level then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

export class FairPriorities {
  private readonly levelKey: string;
  private readonly usersKey: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.levelKey = `${prefix}:sched:level`;
    this.usersKey = `${prefix}:sched:users`;
  }

  /** Priorities for `count` new jobs of one user, in submission order. */
  async reserve(userId: string, count: number): Promise<number[]> {
    const first = Number(await this.redis.eval(RESERVE, 2, this.levelKey, this.usersKey, userId, String(count), String(STRIDE)));
    return Array.from({ length: count }, (_, i) => Math.min(first + i * STRIDE, MAX_PRIORITY));
  }

  /** Called when a job is taken for dispatch: the clock moves to its priority. */
  async advance(priority: number): Promise<void> {
    await this.redis.eval(ADVANCE, 1, this.levelKey, String(priority));
  }

  /** With nothing waiting or running, the clock starts over (keeps priorities far from the cap). */
  async reset(): Promise<void> {
    await this.redis.del(this.levelKey, this.usersKey);
  }
}
