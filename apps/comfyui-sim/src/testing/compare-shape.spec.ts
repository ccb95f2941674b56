import { shapeDifferences } from './compare-shape';

describe('transcript comparer', () => {
  it.each([
    ['same shape, other values', { a: 1, b: ['x'] }, { a: 2, b: ['y'] }, {}, []],
    ['a missing key', { a: 1, b: 2 }, { a: 1 }, {}, ['(root): missing keys b']],
    ['an extra key', { a: 1 }, { a: 1, c: null }, {}, ['(root): unexpected keys c']],
    ['another kind', { a: null }, { a: 'x' }, {}, ['a: expected null, got string']],
    ['other array length', { a: [1, 2] }, { a: [1] }, {}, ['a: expected 2 items, got 1']],
    ['an exact path that differs', { e: { type: 'x' } }, { e: { type: 'y' } }, { exact: ['e.type'] }, ['e.type: expected "x", got "y"']],
    ['a wildcard exact path', { n: { '1': { t: 'a' } } }, { n: { '1': { t: 'b' } } }, { exact: ['n.*.t'] }, ['n.1.t: expected "a", got "b"']],
    ['an exact subtree', { g: { a: [1, 2] } }, { g: { a: [1, 3] } }, { exact: ['g'] }, ['g.a.1: expected 2, got 3']],
    ['an ignored subtree', { tb: ['a', 'b'] }, { tb: [] }, { ignore: ['tb'] }, []],
    ['exactAll with 1.0 equal to 1', { v: 1.0 }, { v: 1 }, { exactAll: true }, []],
    ['a file name pattern', { f: 'a_00001_.png' }, { f: 'a_1.png' }, { patterns: { f: /^a_\d{5}_\.png$/ } }, ['f: "a_1.png" does not match /^a_\\d{5}_\\.png$/']],
  ])('%s', (_name, expected, actual, options, differences) => {
    expect(shapeDifferences(expected, actual, options)).toEqual(differences);
  });
});
