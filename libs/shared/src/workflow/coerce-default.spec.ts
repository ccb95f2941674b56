import { coerceDefault } from './coerce-default';

describe('W-7 default coercion', () => {
  it.each([
    ['int', 81, 81, undefined],
    ['int', '81', 81, undefined],
    ['int', '-5', -5, undefined],
    ['int', ' 12 ', 12, undefined],
    ['int', '8.5', 0, 'default "8.5" is not an integer; using 0'],
    ['int', 7.9, 7, 'default 7.9 is not an integer; using 7'],
    ['int', 18446744073709552000, 9007199254740991, 'default 18446744073709552000 is beyond ±(2^53 − 1); using 9007199254740991'],
    ['int', 'abc', 0, 'default "abc" is not an integer; using 0'],
    ['int', undefined, 0, 'default (none) is not an integer; using 0'],
    ['float', 0.65, 0.65, undefined],
    ['float', '1.5e2', 150, undefined],
    ['float', '', 0, 'default "" is not a number; using 0'],
    ['float', true, 0, 'default true is not a number; using 0'],
    ['boolean', true, true, undefined],
    ['boolean', 'TRUE', true, undefined],
    ['boolean', 'false', false, undefined],
    ['boolean', 1, false, 'default 1 is not true or false; using false'],
    ['boolean', 'yes', false, 'default "yes" is not true or false; using false'],
    ['string', 'CozyGen/output', 'CozyGen/output', undefined],
    ['string', 5, '5', 'default 5 is not text; using "5"'],
    ['string', null, '', 'default null is not text; using ""'],
    ['choice', 'euler', 'euler', undefined],
    ['choice', 3, 3, undefined],
    ['choice', undefined, undefined, undefined],
    ['choice', true, undefined, 'default true is not a choice; using the first choice'],
    ['image', 'example.png', null, undefined],
  ] as const)('%s from %j → %j', (type, raw, value, problem) => {
    expect(coerceDefault(type, raw)).toEqual(problem === undefined ? { value } : { value, problem });
  });
});
