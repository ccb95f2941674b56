import type { InputSpec } from '../comfy/object-info';
import { inputOptions, inputType } from '../comfy/object-info';
import { MAX_INT } from '../form/field-types';
import type { FieldType } from '../form/field-types';

/** A numeric field's limits; an absent side is unbounded. */
export interface Bounds {
  min?: number;
  max?: number;
}

/**
 * W-9: a marker's `min_value`/`max_value`. Both 0 → unbounded; `max < min` → unbounded too (which
 * side is wrong cannot be told, and dropping both never rejects a value the workflow meant to allow).
 * @example markerBounds(0, 0) → {}
 */
export function markerBounds(min: number | undefined, max: number | undefined): Bounds {
  if ((min === 0 && max === 0) || (min !== undefined && max !== undefined && max < min)) return {};
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** The numeric limits an `/object_info` input spec declares (INT and FLOAT inputs only). */
export function specBounds(spec: InputSpec): Bounds {
  if (!['INT', 'FLOAT'].includes(inputType(spec))) return {};
  const { min, max } = inputOptions(spec);
  return markerBounds(min, max);
}

/**
 * The narrower side of each, so a value suits the marker and every input it feeds (W-9). When they
 * do not overlap, the inputs' limits win (the backend would reject anything else) and `conflict` is set.
 */
export function narrowBounds(own: Bounds, consumers: readonly Bounds[]): { bounds: Bounds; conflict: boolean } {
  const narrowed = [own, ...consumers].reduce<Bounds>((acc, next) => ({
    ...(acc.min === undefined && next.min === undefined ? {} : { min: Math.max(acc.min ?? -Infinity, next.min ?? -Infinity) }),
    ...(acc.max === undefined && next.max === undefined ? {} : { max: Math.min(acc.max ?? Infinity, next.max ?? Infinity) }),
  }), {});
  if (narrowed.min === undefined || narrowed.max === undefined || narrowed.min <= narrowed.max) return { bounds: narrowed, conflict: false };
  const fallback = narrowBounds({}, consumers);
  return { bounds: fallback.bounds, conflict: true };
}

/**
 * Integer fields get whole bounds within ±(2^53 − 1) (a seed max of 18446744073709552000 becomes
 * 9007199254740991); other types keep theirs.
 */
export function typedBounds(type: FieldType, bounds: Bounds): Bounds {
  if (type !== 'int') return bounds;
  const clamp = (value: number): number => Math.min(MAX_INT, Math.max(-MAX_INT, value));
  return {
    ...(bounds.min === undefined ? {} : { min: clamp(Math.ceil(bounds.min)) }),
    ...(bounds.max === undefined ? {} : { max: clamp(Math.floor(bounds.max)) }),
  };
}

/** W-9: absent or 0 → 1 for `int`, 0.1 for `float`; an int step is whole. */
export function fieldStep(type: 'int' | 'float', step: number | undefined): number {
  if (step === undefined || !(step > 0)) return type === 'int' ? 1 : 0.1;
  return type === 'int' ? Math.max(1, Math.round(step)) : step;
}

/** The value moved inside the bounds. */
export function clampToBounds(value: number, bounds: Bounds): number {
  return Math.min(bounds.max ?? Infinity, Math.max(bounds.min ?? -Infinity, value));
}
