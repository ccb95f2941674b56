import { drawValue } from './random-draw';

describe('W-16 CozyGen draw rule', () => {
  it.each([
    [{ type: 'int', min: 1, max: 6 }, 0, 1],
    [{ type: 'int', min: 1, max: 6 }, 0.5, 4],
    [{ type: 'int', min: 1, max: 6 }, 0.9999999, 6],
    [{ type: 'int' }, 0.5, 500000],
    [{ type: 'int', min: 0, max: 9007199254740991 }, 0.75, 6755399441055744],
    [{ type: 'int', min: -9007199254740991, max: 9007199254740991 }, 0.99999999999999999, 9007199254740991],
    [{ type: 'float', min: 0, max: 1, step: 0.1 }, 0.6789, 0.7],
    [{ type: 'float', min: 0, max: 1, step: 0.05 }, 0.6789, 0.68],
    [{ type: 'float', min: 0, max: 100, step: 1 }, 0.12345, 12],
    [{ type: 'float', min: 0, max: 1, step: 1e-3 }, 0.12345, 0.123],
    [{ type: 'float' }, 0.5, 500000],
  ] as const)('%j with r = %p → %p', (field, r, expected) => {
    expect(drawValue(field, r)).toBe(expected);
  });
});
