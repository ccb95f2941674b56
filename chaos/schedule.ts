import { createRandom, pickIndex } from '@app/shared/prompt/seeded-random';
import type { KillVariant } from './options';

export interface PlannedKill {
  variant: KillVariant;
  /** After the batch is submitted (for `worker@ingest`: then the first ingest seen). */
  delayMs: number;
  /** A draw in [0, 1) for choices made at kill time (which backend). */
  pick: number;
}

/**
 * One kill per cycle, every variant once per round in a seeded order, each at a seeded moment
 * between 15 % and 60 % of the undisturbed batch time: the same seed replays the same schedule.
 * @example planKills(['api', 'redis'], 4, 7, 10_000) // two rounds of api/redis in a seeded order
 */
export function planKills(variants: readonly KillVariant[], cycles: number, seed: number, baselineMs: number): PlannedKill[] {
  const random = createRandom(seed, 'chaos-kills');
  const plan: PlannedKill[] = [];
  while (plan.length < cycles) {
    const round = [...variants];
    for (let i = round.length - 1; i > 0; i -= 1) {
      const j = pickIndex(random, i + 1);
      [round[i], round[j]] = [round[j] as KillVariant, round[i] as KillVariant];
    }
    for (const variant of round) plan.push({ variant, delayMs: Math.round((0.15 + 0.45 * random()) * baselineMs), pick: random() });
  }
  return plan.slice(0, cycles);
}
