import type { FieldError } from '../contracts/errors';
import type { FormSchema, FormValues } from './field-types';
import { resolveValues } from './resolve-values';

export interface PlannedRun {
  values: FormValues;
  seed: number;
}

export interface PlanRunsOptions {
  randomize: readonly string[];
  bypass: readonly string[];
  count: number;
  random: () => number;
}

/**
 * A submission's runs (J-3, B-3 defaults): `count` jobs whose seed field counts up from the
 * submitted seed (seed, seed+1, … wrapping inside the field's bounds) — or, when that field is
 * randomized, each draws its own. Other randomized fields draw per run too (W-16).
 * @example planRuns(schema, { Seed: 10 }, { count: 3, randomize: [], bypass: [], random }) → seeds 10, 11, 12
 */
export function planRuns(schema: FormSchema, values: FormValues, options: PlanRunsOptions): { ok: true; runs: PlannedRun[] } | { ok: false; errors: FieldError[] } {
  const first = resolveValues(schema, values, options);
  if (!first.ok) return first;
  const runs: PlannedRun[] = [{ values: first.values, seed: first.seed }];
  const seedField = first.seedField === undefined ? undefined : schema.fields.find((f) => f.name === first.seedField);
  const counting = seedField && !options.randomize.includes(seedField.name);
  for (let i = 1; i < options.count; i++) {
    const next = counting ? { ...values, [seedField.name]: stepSeed(first.seed, i, seedField.min, seedField.max) } : values;
    const resolved = resolveValues(schema, next, options);
    if (!resolved.ok) return resolved;
    runs.push({ values: resolved.values, seed: resolved.seed });
  }
  return { ok: true, runs };
}

function stepSeed(seed: number, offset: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  // Adding the span only when needed keeps every intermediate inside 2^53 (exact integers).
  const span = max - min + 1;
  const wrapped = (seed - min + offset) % span;
  return min + (wrapped < 0 ? wrapped + span : wrapped);
}
