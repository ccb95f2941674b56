import type { FieldTarget } from './field-types';

const SEED_INPUTS = new Set(['seed', 'noise_seed']);

/**
 * W-16: a seed-like field is named like a seed or feeds an input named `seed` or `noise_seed`.
 * @example isSeedLike('Seed', []) === true; isSeedLike('Steps', [{ nodeId: '3', input: 'steps' }]) === false
 */
export function isSeedLike(name: string, targets: readonly FieldTarget[]): boolean {
  return /seed/i.test(name) || targets.some((target) => SEED_INPUTS.has(target.input));
}
