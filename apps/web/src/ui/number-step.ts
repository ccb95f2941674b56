/** Decimals a step implies (0.05 → 2), so stepping never shows 0.30000000000000004. */
export function stepDecimals(step: number): number {
  const [, fraction = ''] = String(step).split('.');
  return fraction.length;
}

/**
 * One −/+ press on a number field: from the current value (else the lower bound, else 0) by one
 * step, rounded to the step's decimals and kept within the bounds.
 * @example stepValue(0.2, 0.1, 1, { min: 0, max: 1 }) // 0.3
 */
export function stepValue(current: number | null, step: number, direction: 1 | -1, bounds: { min?: number | undefined; max?: number | undefined }): number {
  const base = current ?? bounds.min ?? 0;
  const moved = Number((base + direction * step).toFixed(stepDecimals(step)));
  return Math.min(bounds.max ?? Number.POSITIVE_INFINITY, Math.max(bounds.min ?? Number.NEGATIVE_INFINITY, moved));
}

/** J-1: a slider only when both bounds are finite and it has at most 10,000 positions. */
export function hasSlider(min: number | undefined, max: number | undefined, step: number): boolean {
  return min !== undefined && max !== undefined && Number.isFinite(min) && Number.isFinite(max) && max > min && (max - min) / step <= 10_000;
}
