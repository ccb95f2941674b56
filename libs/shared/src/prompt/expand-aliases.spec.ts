import type { AliasSource } from './alias-index';
import { buildAliasIndex } from './alias-index';
import type { AliasStepContext } from './expand-aliases';
import { expandAliases, spreadWeight } from './expand-aliases';

const alias = (key: string, text: string, revision = 1): AliasSource => {
  const at = key.indexOf('::');
  return at < 0 ? { category: null, name: key, text, revision } : { category: key.slice(0, at), name: key.slice(at + 2), text, revision };
};

const library = buildAliasIndex([
  alias('hero', '(tag_one:1.2), tag_two', 3),
  alias('a', 'AAA'),
  alias('b', 'BBB'),
  alias('outfit', '$top$, $shoes$'),
  alias('top', 'shirt'),
  alias('shoes', 'boots'),
  alias('fruit::cherry', 'red fruit'),
  alias('color::cherry', 'dark red'),
  alias('fruit::apple', 'apple'),
  alias('tree::apple', 'apple'),
  alias('lighting::neon:pink', 'neon_lights, pink_theme'),
  alias('empty_pieces', ' , ,'),
  alias('Style::Ink', 'ink'),
]);

function run(text: string, index = library) {
  const ctx: AliasStepContext = { field: 'positive', round: 1, trace: [], warnings: [] };
  return { text: expandAliases(text, index, ctx), trace: ctx.trace, warnings: ctx.warnings };
}

describe('A-5 normative cases', () => {
  it.each([
    ['($hero$:0.7)', '(tag_one:0.7), (tag_two:0.7)'],
    ['$a$$b$', 'AAABBB'],
    ['$outfit$', 'shirt, boots'],
    ['$nope$', '$nope$'],
    ['$cherry$', '$cherry$'],
  ])('%s → %s', (input, expected) => {
    expect(run(input).text).toBe(expected);
  });

  it('expands a nested alias fully in two passes', () => {
    expect(run('$outfit$').trace.map((entry) => [entry.pass, entry.token])).toEqual([
      [1, '$outfit$'],
      [2, '$top$'],
      [2, '$shoes$'],
    ]);
  });

  it('stops a cycle at the last new state and warns', () => {
    const cyclic = buildAliasIndex([alias('a', '$b$'), alias('b', '$a$')]);
    const result = run('$a$', cyclic);
    expect(result.text).toBe('$b$');
    expect(result.warnings.map((w) => [w.kind, w.token])).toEqual([['alias-cycle', '$b$']]);
    expect(result.trace.map((entry) => entry.token)).toEqual(['$a$']);
  });

  it('warns when aliases nest deeper than ten passes', () => {
    const chain = buildAliasIndex(Array.from({ length: 12 }, (_, i) => alias(`n${i}`, i === 11 ? 'end' : `$n${i + 1}$`)));
    const result = run('$n0$', chain);
    expect(result.text).toBe('$n10$');
    expect(result.warnings.map((w) => w.kind)).toEqual(['alias-pass-limit']);
  });

  it('returns text with neither $ nor :: untouched', () => {
    expect(run('a, b (c:1.2)')).toEqual({ text: 'a, b (c:1.2)', trace: [], warnings: [] });
  });
});

describe('A-3 lookup', () => {
  it.each([
    ['$FRUIT::CHERRY$', 'red fruit'],
    ['$fruit:cherry$', 'red fruit'],
    ['$color:cherry$', 'dark red'],
    ['$apple$', 'apple'],
    ['$lighting:neon:pink$', 'neon_lights, pink_theme'],
    ['$lighting::neon:pink$', 'neon_lights, pink_theme'],
    ['$pink$', 'neon_lights, pink_theme'],
    ['$style:ink$', 'ink'],
    ['$ink$', 'ink'],
    ['$x:cherry$', '$x:cherry$'],
    ['$fruit:nope$', '$fruit:nope$'],
  ])('%s → %s', (input, expected) => {
    expect(run(input).text).toBe(expected);
  });

  it('reports an ambiguous base name with its candidates', () => {
    expect(run('$cherry$').warnings).toEqual([
      {
        kind: 'ambiguous-alias',
        field: 'positive',
        token: '$cherry$',
        candidates: ['fruit::cherry', 'color::cherry'],
        message: '$cherry$ could mean fruit::cherry, color::cherry; write the category',
      },
    ]);
  });

  it('reports an unknown token once however often it appears', () => {
    expect(run('$nope$, ($nope$:1.1), $nope$').warnings.map((w) => [w.kind, w.token])).toEqual([['unknown-alias', '$nope$']]);
  });
});

describe('A-4 weighted tokens', () => {
  it.each([
    ['(tag_one:1.2), tag_two', '0.70', '(tag_one:0.70), (tag_two:0.70)'],
    ['a,, b ,', '1.5', '(a:1.5), (b:1.5)'],
    ['(x (y):2)', '0.5', '(x (y):0.5)'],
    ['(a:b)', '0.5', '((a:b):0.5)'],
    ['( spaced :1.0 )', '0.5', '(spaced:0.5)'],
    [' , ,', '0.5', ' , ,'],
  ])('spreads %j with weight %s', (text, weight, expected) => {
    expect(spreadWeight(text, weight)).toBe(expected);
  });

  it.each([
    ['( $hero$ : 0.70 )', '(tag_one:0.70), (tag_two:0.70)'],
    ['($empty_pieces$:0.5)', ' , ,'],
    ['($nope$:0.5)', '($nope$:0.5)'],
  ])('%s → %s', (input, expected) => {
    expect(run(input).text).toBe(expected);
  });

  it('traces the weight as typed with key and revision', () => {
    expect(run('x, ($hero$:0.70)').trace).toEqual([
      { kind: 'alias', field: 'positive', round: 1, pass: 1, form: 'weighted', position: 3, token: '($hero$:0.70)', key: 'hero', revision: 3, weight: '0.70' },
    ]);
  });
});

describe('A-4 bare tokens', () => {
  it.each([
    ['fruit::cherry, leaf', 'red fruit, leaf'],
    ['FRUIT::Cherry', 'red fruit'],
    ['lighting::neon:pink', 'neon_lights, pink_theme'],
    ['10::30', '10::30'],
    ['fruit::nope', 'fruit::nope'],
    ['fruit::cherry:1', 'fruit::cherry:1'],
    ['$fruit::cherry', '$fruit::cherry'],
  ])('%s → %s', (input, expected) => {
    expect(run(input).text).toBe(expected);
  });

  it('warns about an unknown bare token only when its category exists', () => {
    expect(run('10::30, fruit::nope').warnings.map((w) => w.token)).toEqual(['fruit::nope']);
  });
});
