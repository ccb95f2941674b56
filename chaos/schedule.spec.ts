import { planKills } from './schedule';

describe('the kill schedule', () => {
  const variants = ['worker@ingest', 'worker', 'api', 'redis', 'backend'] as const;

  it('kills every variant once per round, at 15–60 % of the undisturbed batch', () => {
    const plan = planKills(variants, 10, 42, 10_000);
    expect(plan).toHaveLength(10);
    expect([...plan.slice(0, 5).map((k) => k.variant)].sort()).toEqual([...variants].sort());
    expect([...plan.slice(5).map((k) => k.variant)].sort()).toEqual([...variants].sort());
    for (const kill of plan) {
      expect(kill.delayMs).toBeGreaterThanOrEqual(1500);
      expect(kill.delayMs).toBeLessThanOrEqual(6000);
    }
  });

  it('replays the same schedule for the same seed, another for another seed', () => {
    expect(planKills(variants, 8, 7, 5000)).toEqual(planKills(variants, 8, 7, 5000));
    expect(planKills(variants, 8, 8, 5000)).not.toEqual(planKills(variants, 8, 7, 5000));
  });
});
