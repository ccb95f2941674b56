import type { Redis } from 'ioredis';

/** BullMQ's largest priority (2^21); beyond it we clamp, which only costs fairness. */
export const MAX_PRIORITY = 2_097_152;

/**
 * Fair dispatch with plain BullMQ priorities (B-13, X-1). Every user's jobs are numbered on a
 * shared "virtual clock": a new job gets max(level, user's last) + 1, where `level` is the
 * priority of the job dispatched most recently. A user who arrives while someone else has 300
 * jobs waiting therefore starts right at the front, and two users with waiting jobs alternate
 * (equal priorities dispatch in submission order). A user's own jobs keep their order (B-11).
 */
const RESERVE = `
local level = tonumber(redis.call('GET', KEYS[1]) or '0')
local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local first = math.max(level, last) + 1
redis.call('HSET', KEYS[2], ARGV[1], first + tonumber(ARGV[2]) - 1)
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
    const first = Number(await this.redis.eval(RESERVE, 2, this.levelKey, this.usersKey, userId, String(count)));
    return Array.from({ length: count }, (_, i) => Math.min(first + i, MAX_PRIORITY));
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
