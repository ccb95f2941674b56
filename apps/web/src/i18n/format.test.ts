import { describe, expect, it } from 'vitest';
import { formatCompactCount, formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '1 s'],
    [1, '1 s'],
    [59, '59 s'],
    [60, '1 min'],
    [61, '2 min'],
    [900, '15 min'],
  ])('%i seconds reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('T-5 compact post counts', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [1234, '1.2k'],
    [12_345, '12.3k'],
    [4_312_000, '4.3m'],
  ])('%i reads "%s"', (count, text) => {
    expect(formatCompactCount(count)).toBe(text);
  });
});
