import { Redis } from 'ioredis';
import { FairPriorities } from './fair-priority';

/** Dispatch order the way BullMQ takes prioritized jobs: lowest priority first, ties in submission order. */
function dispatchOrder(jobs: { user: string; priority: number; seq: number }[]): string[] {
  return [...jobs].sort((a, b) => a.priority - b.priority || a.seq - b.seq).map((j) => j.user);
}

describe('B-13 / X-1 fair priorities', () => {
  let redis: Redis;
  let fair: FairPriorities;
  let seq = 0;
  const waiting: { user: string; priority: number; seq: number }[] = [];
  const submit = async (user: string, count: number) => {
    for (const priority of await fair.reserve(user, count)) waiting.push({ user, priority, seq: seq++ });
  };
  const dispatch = async (n: number): Promise<string[]> => {
    const taken: string[] = [];
    for (let i = 0; i < n; i++) {
      const next = [...waiting].sort((a, b) => a.priority - b.priority || a.seq - b.seq)[0];
      if (!next) break;
      waiting.splice(waiting.indexOf(next), 1);
      await fair.advance(next.priority);
      taken.push(next.user);
    }
    return taken;
  };

  beforeEach(async () => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? '');
    fair = new FairPriorities(redis, `fair-${Math.random().toString(36).slice(2)}`);
    waiting.length = 0;
    seq = 0;
  });
  afterEach(async () => {
    await redis.quit();
  });

  it('sends a newcomer next, and all of B’s and C’s jobs within the next 15 dispatches after A queued 300', async () => {
    await submit('A', 300);
    expect(await dispatch(3)).toEqual(['A', 'A', 'A']);
    await submit('B', 5);
    await submit('C', 5);
    const next = await dispatch(15);
    expect(['B', 'C']).toContain(next[0]);
    expect(next.filter((u) => u === 'B')).toHaveLength(5);
    expect(next.filter((u) => u === 'C')).toHaveLength(5);
  });

  it('keeps two busy users within one dispatch of each other over any window', async () => {
    await submit('A', 50);
    await dispatch(1);
    await submit('B', 50);
    const order = await dispatch(60);
    for (let end = 1; end <= order.length; end++) {
      for (let start = 0; start < end; start++) {
        const window = order.slice(start, end);
        expect(Math.abs(window.filter((u) => u === 'A').length - window.filter((u) => u === 'B').length)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps each user’s own jobs in submission order (B-11)', async () => {
    await submit('A', 3);
    await submit('B', 2);
    await submit('A', 3);
    const mine = waiting.filter((j) => j.user === 'A');
    expect(mine.map((j) => j.priority)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(dispatchOrder(waiting).filter((u) => u === 'A')).toHaveLength(6);
  });
});
