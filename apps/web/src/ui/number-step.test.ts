import { describe, expect, it } from 'vitest';
import { hasSlider, stepValue } from './number-step';

describe('J-1 number fields', () => {
  it.each([
    ['a float step without binary noise', 0.2, 0.1, 1, {}, 0.3],
    ['down by the step', 20, 1, -1, { min: 1, max: 100 }, 19],
    ['clamped at the top', 2047, 64, 1, { min: 64, max: 2048 }, 2048],
    ['clamped at the bottom', 1, 1, -1, { min: 1 }, 1],
    ['from the lower bound when empty', null, 8, 1, { min: 16 }, 24],
    ['from zero when empty and unbounded', null, 0.5, -1, {}, -0.5],
  ])('steps %s', (_case, current, step, direction, bounds, expected) => {
    expect(stepValue(current, step, direction as 1 | -1, bounds)).toBe(expected);
  });

  it.each([
    [1, 100, 1, true],
    [0, 10_000, 1, true],
    [0, 10_001, 1, false],
    [0, 4_294_967_295, 1, false],
    [0, 1, 0.0001, true],
    [undefined, 100, 1, false],
    [5, 5, 1, false],
  ])('slider for %s..%s step %s: %s', (min, max, step, expected) => {
    expect(hasSlider(min, max, step)).toBe(expected);
  });
});
