import type { FieldError } from '../contracts/errors';
import { checkSwitches, fieldActivity } from './field-activity';
import type { FormSchema, FormValues } from './field-types';
import { drawValue } from './random-draw';
import { isSeedLike } from './seed-field';

/** Job seeds drawn when no field gives one lie in [0, 2^32 − 1] (J-4). */
const SEED_RANGE = 2 ** 32;

export interface ResolveValuesOptions {
  /** Fields whose randomize switch is on (W-16). */
  randomize: readonly string[];
  /** Fields whose bypass switch is on (W-17). */
  bypass: readonly string[];
  /** Uniform in [0, 1); the shared seeded generator in production, so draws are reproducible. */
  random: () => number;
}

export interface ResolvedValues {
  /** Every field's value for this job: validated or default, randomized ones drawn. */
  values: FormValues;
  /** The drawn values (recorded with the job, J-11). */
  randomized: Record<string, number>;
  bypassed: string[];
  inactive: string[];
  /** J-4: the first active seed-like field's value, else a drawn integer in [0, 2^32 − 1]. */
  seed: number;
  /** The field the seed came from; absent when it was drawn. */
  seedField?: string;
}

export type ResolveValuesResult = ({ ok: true } & ResolvedValues) | { ok: false; errors: FieldError[] };

/**
 * A job's values (W-20 step 1): defaults for missing ones, a fresh draw for each randomized active
 * field in form order (then, if no field gives one, the job seed), and the fields bypasses turn off.
 * @example resolveValues(schema, { Seed: 1234 }, { randomize: ['Seed'], bypass: [], random: () => 0.5 }) → { ok: true, values: { Seed: 4999999999, … }, seed: 4999999999, … }
 */
export function resolveValues(schema: FormSchema, values: FormValues, options: ResolveValuesOptions): ResolveValuesResult {
  const errors = [...checkSwitches(schema, options.randomize, 'randomize'), ...checkSwitches(schema, options.bypass, 'bypass')];
  if (errors.length > 0) return { ok: false, errors };
  const { bypassed, inactive } = fieldActivity(schema, options.bypass);
  const unused = new Set([...bypassed, ...inactive]);
  const resolved: FormValues = {};
  const randomized: Record<string, number> = {};
  for (const field of schema.fields) {
    resolved[field.name] = Object.hasOwn(values, field.name) ? (values[field.name] ?? null) : field.default;
    if (options.randomize.includes(field.name) && !unused.has(field.name)) {
      randomized[field.name] = drawValue(field, options.random());
      resolved[field.name] = randomized[field.name]!;
    }
  }
  const seedField = schema.fields.find((field) => field.type === 'int' && !unused.has(field.name) && isSeedLike(field.name, field.targets));
  const fieldSeed = seedField ? resolved[seedField.name] : undefined;
  if (seedField && typeof fieldSeed === 'number') {
    return { ok: true, values: resolved, randomized, bypassed, inactive, seed: fieldSeed, seedField: seedField.name };
  }
  return { ok: true, values: resolved, randomized, bypassed, inactive, seed: Math.floor(options.random() * SEED_RANGE) };
}
