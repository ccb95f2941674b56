import { clampToBounds, fieldStep, markerBounds, narrowBounds, specBounds, typedBounds } from './field-bounds';

describe('W-9 bounds', () => {
  it.each([
    [0, 2048, { min: 0, max: 2048 }],
    [undefined, 10, { max: 10 }],
    [5, undefined, { min: 5 }],
    [0, 0, {}],
    [10, 5, {}],
    [undefined, undefined, {}],
  ])('marker min %p, max %p → %j', (min, max, bounds) => {
    expect(markerBounds(min, max)).toEqual(bounds);
  });

  it.each([
    [{ min: 0, max: 9999999999 }, [{ min: 0, max: 18446744073709552000 }], { min: 0, max: 9999999999 }, false],
    [{ min: 0, max: 2048 }, [{ min: 16, max: 16384 }], { min: 16, max: 2048 }, false],
    [{}, [{ min: 1, max: 10000 }], { min: 1, max: 10000 }, false],
    [{ min: 0, max: 1024 }, [{ min: -100, max: 100 }, { min: 0, max: 10 }], { min: 0, max: 10 }, false],
    [{ min: 5000, max: 6000 }, [{ min: 1, max: 4096 }], { min: 1, max: 4096 }, true],
    [{ max: 5 }, [], { max: 5 }, false],
  ])('the narrower side wins: %j with %j → %j', (own, consumers, bounds, conflict) => {
    expect(narrowBounds(own, consumers)).toEqual({ bounds, conflict });
  });

  it.each([
    ['int', { min: 0, max: 18446744073709552000 }, { min: 0, max: 9007199254740991 }],
    ['int', { min: -1e300, max: 2.5 }, { min: -9007199254740991, max: 2 }],
    ['int', { min: 0.5 }, { min: 1 }],
    ['float', { min: 0, max: 18446744073709552000 }, { min: 0, max: 18446744073709552000 }],
  ] as const)('%s bounds %j → %j', (type, bounds, expected) => {
    expect(typedBounds(type, bounds)).toEqual(expected);
  });

  it.each([
    ['int', undefined, 1],
    ['int', 0, 1],
    ['int', 16, 16],
    ['int', 0.5, 1],
    ['float', undefined, 0.1],
    ['float', 0, 0.1],
    ['float', 0.05, 0.05],
  ] as const)('%s step %p → %p', (type, step, expected) => {
    expect(fieldStep(type, step)).toBe(expected);
  });

  it('reads limits from numeric input specs only', () => {
    expect(specBounds(['INT', { default: 20, min: 1, max: 10000 }])).toEqual({ min: 1, max: 10000 });
    expect(specBounds(['STRING', { multiline: true }])).toEqual({});
    expect(specBounds([['a', 'b']])).toEqual({});
  });

  it('clamps into the bounds', () => {
    expect(clampToBounds(-3, { min: 0 })).toBe(0);
    expect(clampToBounds(3, {})).toBe(3);
    expect(clampToBounds(30, { min: 0, max: 24 })).toBe(24);
  });
});
