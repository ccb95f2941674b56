import {
  applyWeight,
  formatWeight,
  insertElements,
  moveElement,
  removeElement,
  replaceElement,
  setElementWeight,
  toggleElement,
} from './composer';

describe('C-2 reorder and remove keep the other separators', () => {
  it.each([
    ['a, b\nc', 2, 0, 'c, a\nb'],
    ['a, b\nc', 0, 2, 'b, c\na'],
    [' a ,b, (c:1.2)', 2, 1, ' a ,(c:1.2), b'],
    ['a, b', 1, 1, 'a, b'],
  ])('move in %j: %i → %i gives %j', (text, from, to, expected) => {
    expect(moveElement(text, from, to)).toBe(expected);
  });

  it.each([
    ['a, b, c', 0, 'b, c'],
    ['a, b, c', 1, 'a, c'],
    ['a, b, c', 2, 'a, b'],
    ['a,\nb', 1, 'a'],
    ['  only  ', 0, '    '],
    ['a, /* b */, c', 1, 'a, c'],
  ])('remove from %j element %i gives %j', (text, index, expected) => {
    expect(removeElement(text, index)).toBe(expected);
  });

  it('refuses an index that is not there', () => {
    expect(() => removeElement('a, b', 2)).toThrow(RangeError);
    expect(() => moveElement('a, b', 0, 5)).toThrow(RangeError);
  });
});

describe('C-3 weights', () => {
  it.each([
    [1.25, '1.25'],
    [1.2, '1.2'],
    [1.0, '1'],
    [0.7, '0.7'],
    [1.254, '1.25'],
    [0.999, '1'],
    [2, '2'],
  ])('formats %p as %s', (weight, expected) => {
    expect(formatWeight(weight)).toBe(expected);
  });

  it.each([
    ['a, b', 1, 1.25, 'a, (b:1.25)'],
    ['a, (b:1.2)', 1, 0.8, 'a, (b:0.8)'],
    ['a, (b:1.2)', 1, 1, 'a, b'],
    ['a, (b:1.2)', 1, 1 + 5e-7, 'a, b'],
    ['a, (b:1.2)', 1, 1.004, 'a, (b:1)'],
    ['$hat$', 0, 0.5, '($hat$:0.5)'],
    ['($hat$:0.5)', 0, 1, '$hat$'],
    ['(b, c:1.1)', 0, 1.3, '(b, c:1.3)'],
    ['{red|blue}', 0, 1.1, '({red|blue}:1.1)'],
    ['/* off */', 0, 1.5, '/* off */'],
  ])('in %j sets element %i to %p → %j', (text, index, weight, expected) => {
    expect(setElementWeight(text, index, weight)).toBe(expected);
  });

  it.each([Number.NaN, -0.1, Number.POSITIVE_INFINITY])('rejects the weight %p', (weight) => {
    expect(() => applyWeight('a', weight)).toThrow(RangeError);
  });
});

describe('C-4 replace and toggle', () => {
  it.each([
    ['a, b, c', 1, 'x', 'a, x, c'],
    ['a, (b:1.2), c', 1, 'x', 'a, (x:1.2), c'],
    ['($hat$:0.70)', 0, '$cap$', '($cap$:0.70)'],
    ['a, /* b */', 1, 'c', 'a, /* c */'],
  ])('in %j replaces element %i with %j → %j', (text, index, replacement, expected) => {
    expect(replaceElement(text, index, replacement)).toBe(expected);
  });

  it.each([
    ['a, (b:1.2), c', 1, 'a, /* (b:1.2) */, c'],
    ['a, /* (b:1.2) */, c', 1, 'a, (b:1.2), c'],
    ['/*x*/', 0, 'x'],
  ])('toggles %j element %i → %j', (text, index, expected) => {
    expect(toggleElement(text, index)).toBe(expected);
  });

  it('round-trips a toggle', () => {
    const text = 'red, $hat$, {a|b}';
    for (let i = 0; i < 3; i += 1) expect(toggleElement(toggleElement(text, i), i)).toBe(text);
  });
});

describe('C-5 insert with separators', () => {
  it.each([
    ['', { caret: 0 }, ['x'], 'x', 1],
    ['a, b', { after: 0 }, ['x', 'y'], 'a, x, y, b', 7],
    ['a, b', { after: 1 }, ['x'], 'a, b, x', 7],
    ['a, b', { caret: 4 }, ['x'], 'a, b, x', 7],
    ['a, b', { caret: 0 }, ['x'], 'x, a, b', 1],
    ['a, b', { caret: 3 }, ['x'], 'a, x, b', 4],
    ['long_hair, b', { caret: 4 }, ['x'], 'long_hair, x, b', 12],
    ['a,', { caret: 2 }, ['x'], 'a, x', 4],
    ['a\nb', { caret: 2 }, ['x'], 'a\nx, b', 3],
  ] as const)('into %j at %j inserts %j → %j', (text, at, items, expected, caret) => {
    expect(insertElements(text, items, at)).toEqual({ text: expected, caret });
  });
});
