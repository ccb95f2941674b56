import type { FormField } from './field-types';

/** CozyGen's range when a randomized field has no limit on a side (W-16). */
const DEFAULT_MIN = 0;
const DEFAULT_MAX = 1_000_000;

/** Decimal places of a step such as 0.05 (2) or 1e-7 (7). */
function decimalsOf(step: number): number {
  const [mantissa = '', exponent] = String(step).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * W-16, CozyGen's draw for a randomized number field, r uniform in [0, 1): `int` =
 * floor(r·(max − min + 1)) + min; `float` = r·(max − min) + min rounded to the step's decimals.
 * Limits the field lacks are 0 and 1,000,000; the result never leaves the field's bounds.
 * @example drawValue({ type: 'int', min: 1, max: 6 }, 0.5) === 4
 */
export function drawValue(field: Pick<FormField, 'type' | 'min' | 'max' | 'step'>, r: number): number {
  const min = field.min ?? DEFAULT_MIN;
  const max = field.max ?? DEFAULT_MAX;
  const raw = field.type === 'int' ? Math.floor(r * (max - min + 1)) + min : Number((r * (max - min) + min).toFixed(decimalsOf(field.step ?? 0.1)));
  return Math.min(max, Math.max(min, raw));
}
