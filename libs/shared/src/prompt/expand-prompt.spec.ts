import { readFixtureJson } from '@test/fixtures';
import { buildAliasIndex } from './alias-index';
import { splitAliasKey } from './alias-syntax';
import { countWildcardCombinations, enumerateCombinations, expandPrompt } from './expand-prompt';
import { expansionResultSchema } from './expansion-trace';

function fixtureIndex() {
  const file = readFixtureJson('aliases/cozygen-aliases.json') as { items: Record<string, string> };
  return buildAliasIndex(Object.entries(file.items).map(([key, text], i) => ({ ...splitAliasKey(key), text, revision: i + 1 })));
}

const cozygen = fixtureIndex();
const library = buildAliasIndex([
  { category: null, name: 'colors', text: '{red|green|blue}' },
  { category: null, name: 'hat', text: 'hat' },
  { category: null, name: 'hatted', text: 'wearing $hat$' },
  { category: null, name: 'ab', text: 'AB' },
  { category: null, name: 'noted', text: 'cat /* private note */' },
]);
const expand = (text: string, seed = 1, fieldKey = 'positive') => expandPrompt(text, library, { seed, fieldKey });

describe('CozyGen fixture expansions (verified against CozyGen)', () => {
  it.each([
    ['$prompts:winter_knight$', '1girl, knight, armor, long_hair, holding_sword, winter_clothes, coat, scarf, mittens, earmuffs, mountain, snow, winter, cloudy_sky'],
    [
      '$prompts::neon_samurai$',
      '1boy, cyberpunk, katana, techwear, short_hair, (night:1.2), (neon_lights:1.2), (city_lights:1.2), (reflection:1.2), rooftop, cityscape, skyscraper, night_sky',
    ],
    [
      '$storybook_fox$',
      '1girl, fox_girl, fox_ears, fox_tail, kimono, smile, watercolor_(medium), traditional_media, (field:0.8), (flower_field:0.8), (falling_petals:0.8), (blue_sky:0.8)',
    ],
    ['($lighting:neon:pink$:0.6), 1girl', '(neon_lights:0.6), (pink_theme:0.6), (glowing:0.6), 1girl'],
  ])('%s', (input, expected) => {
    const result = expandPrompt(input, cozygen, { seed: 0, fieldKey: 'positive' });
    expect(result.text).toBe(expected);
    expect(result.warnings).toEqual([]);
  });

  it('traces every alias of a nested prompt with its revision', () => {
    const { trace } = expandPrompt('$prompts:winter_knight$', cozygen, { seed: 0, fieldKey: 'positive' });
    expect(trace.map((entry) => (entry.kind === 'alias' ? [entry.pass, entry.key, entry.revision] : []))).toEqual([
      [1, 'prompts::winter_knight', 25],
      [2, 'character::knight_girl', 1],
      [2, 'outfit::winter-coat', 7],
      [2, 'outdoor::snowy_mountain', 17],
    ]);
  });
});

describe('D-2 comments', () => {
  it.each([
    ['red, /* blue, */ green', 'red,  green'],
    ['a /* x */ b /* y */ c', 'a  b  c'],
    ['/* $hat$ */ {a|a}', ' a'],
    ['unterminated /* stays', 'unterminated /* stays'],
    ['/* a /* b */ c */', ' c */'],
    ['$noted$', 'cat '],
  ])('%j → %j', (input, expected) => {
    expect(expand(input).text).toBe(expected);
  });
});

describe('D-1 wildcard syntax', () => {
  it.each([
    ['{a}', '{a}'],
    ['{a|b', '{a|b'],
    ['a|b}', 'a|b}'],
    ['{}', '{}'],
    ['\\{a|b\\}', '{a|b}'],
    ['{a\\|b}', '{a|b}'],
    ['\\(x\\) \\n', '\\(x\\) \\n'],
    ['{ only | only }', 'only'],
    ['{|}', ''],
    ['{x {y|y}}', '{x y}'],
    ['{{a|a}|{a|a}}', 'a'],
  ])('%j → %j', (input, expected) => {
    expect(expand(input).text).toBe(expected);
  });

  it('allows an empty option', () => {
    const results = new Set(Array.from({ length: 64 }, (_, seed) => expand('{|blue} sky', seed).text));
    expect([...results].sort()).toEqual([' sky', 'blue sky']);
  });

  it('resolves groups held by an alias and aliases inside options', () => {
    const results = new Set(Array.from({ length: 64 }, (_, seed) => expand('$colors$ {$hat$|$ab$}', seed).text));
    expect([...results].sort()).toEqual(['blue AB', 'blue hat', 'green AB', 'green hat', 'red AB', 'red hat']);
  });

  it('expands a token that a wildcard choice completes, in a second round', () => {
    const result = expand('$a{b|b}$');
    expect(result.text).toBe('AB');
    expect(result.trace.map((entry) => [entry.kind, entry.round])).toEqual([
      ['wildcard', 1],
      ['alias', 2],
    ]);
  });

  it('defers groups nested deeper than ten levels to the next round, with a warning', () => {
    const deep = `${'{x|'.repeat(11)}y${'}'.repeat(11)}`;
    const result = expandPrompt(deep, library, { seed: 1, fieldKey: 'f', wildcards: { combination: Array(11).fill(1) } });
    expect(result.text).toBe('y');
    expect(result.trace.map((entry) => entry.round)).toEqual([...Array(10).fill(1), 2]);
    expect(result.warnings.map((w) => [w.kind, w.token])).toEqual([['wildcard-too-deep', '{x|y}']]);
  });

  it('stops after five rounds, with a warning', () => {
    const deep = `${'{x|'.repeat(60)}y${'}'.repeat(60)}`;
    const result = expandPrompt(deep, library, { seed: 1, fieldKey: 'f', wildcards: { combination: Array(60).fill(1) } });
    expect(result.text).toBe(`${'{x|'.repeat(10)}y${'}'.repeat(10)}`);
    expect(result.warnings.map((w) => w.kind)).toEqual(['wildcard-too-deep', 'round-limit']);
  });

  it('leaves a group of more than 1000 options as written, with a warning', () => {
    const huge = `{${Array.from({ length: 1001 }, (_, i) => `o${i}`).join('|')}}`;
    const result = expand(huge);
    expect(result.text).toBe(huge);
    expect(result.warnings.map((w) => w.kind)).toEqual(['wildcard-too-many-options']);
  });
});

describe('D-4 reproducible choices', () => {
  const text = '{red|green|blue} {cat|dog|fox|owl} {a|b|c|d|e}';

  it('gives the same result for the same seed, text and field', () => {
    for (let seed = 0; seed < 50; seed += 1) expect(expand(text, seed)).toEqual(expand(text, seed));
  });

  it('varies with the seed and with the field key', () => {
    const bySeed = new Set(Array.from({ length: 100 }, (_, seed) => expand(text, seed).text));
    expect(bySeed.size).toBeGreaterThan(40);
    const byField = Array.from({ length: 20 }, (_, seed) => expand(text, seed, 'a').text === expand(text, seed, 'b').text);
    expect(byField.filter(Boolean).length).toBeLessThan(5);
  });

  it('pins the choices of generator version 1', () => {
    // Draws 0.108…, 0.885…, 0.283… (seeded-random.spec) → indices 0 of 3, 3 of 4, 1 of 5.
    expect(expandPrompt(text, library, { seed: 42, fieldKey: 'positive' }).text).toBe('red owl b');
  });

  it('traces each choice with index, option count and generator version', () => {
    const { trace } = expandPrompt('x {a|{b|c}}', library, { seed: 42, fieldKey: 'positive', wildcards: { combination: [1, 1] } });
    expect(trace).toEqual([
      { kind: 'wildcard', field: 'positive', round: 1, position: 2, depth: 0, options: 2, index: 1, chosen: '{b|c}', source: 'combination', prng: 1 },
      { kind: 'wildcard', field: 'positive', round: 1, position: 5, depth: 1, options: 2, index: 1, chosen: 'c', source: 'combination', prng: 1 },
    ]);
  });

  it('spends no randomness on unchosen options', () => {
    // The nested group is skipped when option 0 wins, so the second outer group draws the same number
    // as in a text without any nested group.
    const withNested = '{a|{b|c|d}} {1|2|3|4|5}';
    const flat = '{a|b} {1|2|3|4|5}';
    for (let seed = 0; seed < 200; seed += 1) {
      const nested = expand(withNested, seed);
      if (nested.text.startsWith('a ')) expect(nested.text).toBe(expand(flat, seed).text);
    }
  });

  it('produces results the stored-trace schema accepts', () => {
    const result = expand('$hatted$, {a|b}, $nope$');
    expect(expansionResultSchema.parse(result)).toEqual(result);
  });
});

describe('D-6 combinations', () => {
  it.each([
    ['no groups', 1, [[]]],
    ['{a|b} {x|y}', 4, [[0, 0], [0, 1], [1, 0], [1, 1]]],
    ['{a|{b|c}} {x|y}', 6, [[0, 0], [0, 1], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1]]],
    ['$colors$, {|hat}', 6, [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]],
  ])('%s has %i combinations in lexicographic order', (text, count, combinations) => {
    expect(countWildcardCombinations(text, library)).toBe(count);
    expect(enumerateCombinations(text, library)).toEqual(combinations);
  });

  it('expands each combination to a distinct text, first group slowest', () => {
    const text = '{a|{b|c}} {x|y}';
    const texts = enumerateCombinations(text, library).map((combination) => expandPrompt(text, library, { seed: 0, fieldKey: 'f', wildcards: { combination } }).text);
    expect(texts).toEqual(['a x', 'a y', 'b x', 'b y', 'c x', 'c y']);
  });

  it('caps enumeration and saturates counting', () => {
    const wide = Array.from({ length: 20 }, () => '{a|b|c|d|e|f|g|h|i|j}').join(' ');
    expect(countWildcardCombinations(wide, library)).toBe(Number.MAX_SAFE_INTEGER);
    expect(enumerateCombinations(wide, library, 3)).toHaveLength(3);
    expect(enumerateCombinations(wide, library, 0)).toEqual([]);
  });
});
