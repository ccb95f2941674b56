import {
  baseName,
  bareTokenPattern,
  describeAliasNameRule,
  formatAliasKey,
  formatAliasToken,
  isValidAliasCategory,
  isValidAliasName,
  plainTokenPattern,
  splitAliasKey,
  weightedTokenPattern,
} from './alias-syntax';

describe('A-1 names and categories', () => {
  it.each([
    ['knight_girl', true],
    ['winter-coat', true],
    ['A9', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['neon:pink', false],
    ['two words', false],
    ['café', false],
  ])('uncategorised name %j valid: %p', (name, valid) => {
    expect(isValidAliasName(name, null)).toBe(valid);
  });

  it.each([
    ['knight_girl', true],
    ['neon:pink', true],
    ['a:b-c:d_e', true],
    [`${'x'.repeat(63)}:${'y'.repeat(64)}`, true],
    [`${'x'.repeat(64)}:${'y'.repeat(64)}`, false],
    [':pink', false],
    ['neon:', false],
    ['neon::pink', false],
    [':', false],
    ['', false],
    ['neon: pink', false],
  ])('name %j under a category valid: %p', (name, valid) => {
    expect(isValidAliasName(name, 'lighting')).toBe(valid);
  });

  it('an empty category counts as none', () => {
    expect(isValidAliasName('neon:pink', '')).toBe(false);
  });

  it.each([
    [null, 'name must be 1–128 letters, digits, _ or -, so that a token can reach it'],
    ['lighting', 'name must be 1–128 letters, digits, _ or -, with single : allowed between them, so that a token can reach it'],
  ])('describes the rule for category %p', (category, message) => {
    expect(describeAliasNameRule(category)).toBe(message);
  });

  it.each([
    ['outfit', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['a::b', false],
  ])('category %j valid: %p', (category, valid) => {
    expect(isValidAliasCategory(category)).toBe(valid);
  });
});

describe('A-1 keys and tokens', () => {
  it.each([
    ['outfit', 'winter-coat', 'outfit::winter-coat', '$outfit:winter-coat$'],
    [null, 'quality_boost', 'quality_boost', '$quality_boost$'],
  ])('%p / %p → key %s, token %s', (category, name, key, token) => {
    expect(formatAliasKey(category, name)).toBe(key);
    expect(formatAliasToken(category, name)).toBe(token);
  });

  it.each([
    ['lighting::neon:pink', { category: 'lighting', name: 'neon:pink' }],
    ['a::b::c', { category: 'a', name: 'b::c' }],
    ['plain', { category: null, name: 'plain' }],
    ['::x', { category: '', name: 'x' }],
  ])('splits %j at the first ::', (key, parts) => {
    expect(splitAliasKey(key)).toEqual(parts);
  });

  it.each([
    ['lighting::neon:pink', 'pink'],
    ['fruit:cherry', 'cherry'],
    ['hat', 'hat'],
  ])('base name of %j is %j', (key, base) => {
    expect(baseName(key)).toBe(base);
  });
});

describe('A-2 token patterns', () => {
  const bodies = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m.slice(1));

  it.each([
    ['$a$ $cat:b$ $cat::c-d$', [['a'], ['cat:b'], ['cat::c-d']]],
    ['$a b$ $é$ $$', []],
    ['$a$$b$', [['a'], ['b']]],
  ])('plain tokens in %j', (text, expected) => {
    expect(bodies(plainTokenPattern(), text)).toEqual(expected);
  });

  it.each([
    ['($a$:0.7) ( $b$ : 1 )', [['a', '0.7'], ['b', '1']]],
    ['($a$:.5) ($a$:-1) ($a$)', []],
  ])('weighted tokens in %j', (text, expected) => {
    expect(bodies(weightedTokenPattern(), text)).toEqual(expected);
  });

  it.each([
    ['fruit::cherry x::y-z', [['fruit', 'cherry'], ['x', 'y-z']]],
    ['$fruit::cherry$', []],
  ])('bare tokens in %j', (text, expected) => {
    expect(bodies(bareTokenPattern(), text)).toEqual(expected);
  });
});
