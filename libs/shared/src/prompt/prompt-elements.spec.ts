import { readFixtureJson } from '@test/fixtures';
import { parsePromptElements } from './prompt-elements';

const brief = (text: string) => parsePromptElements(text).map((e) => [e.kind, e.text]);

describe('C-1 elements', () => {
  it.each([
    ['1girl, long_hair', [['tag', '1girl'], ['tag', 'long_hair']]],
    [' ,, 1girl ,\n smile ', [['tag', '1girl'], ['tag', 'smile']]],
    ['blue sky, red hat', [['tag', 'blue sky'], ['tag', 'red hat']]],
    ['(smile:1.2), x', [['weighted', '(smile:1.2)'], ['tag', 'x']]],
    ['(a, b:0.8)', [['weighted', '(a, b:0.8)']]],
    ['((a:1.2):1.1)', [['weighted', '((a:1.2):1.1)']]],
    ['(star_\\(symbol\\):1.3)', [['weighted', '(star_\\(symbol\\):1.3)']]],
    ['(foo:bar), x', [['tag', '(foo:bar)'], ['tag', 'x']]],
    ['(foo:1.2\n), x', [['tag', '(foo:1.2'], ['tag', ')'], ['tag', 'x']]],
    ['(:1.2)', [['tag', '(:1.2)']]],
    ['$hat$, ($hero$:0.7)', [['alias', '$hat$'], ['alias', '($hero$:0.7)']]],
    ['$a$$b$', [['alias', '$a$'], ['alias', '$b$']]],
    ['tag$hat$', [['tag', 'tag'], ['alias', '$hat$']]],
    ['$5 price, x', [['tag', '$5 price'], ['tag', 'x']]],
    ['{red|blue}, x', [['wildcard', '{red|blue}'], ['tag', 'x']]],
    ['{a, b|c}', [['wildcard', '{a, b|c}']]],
    ['red {hat, cap|scarf}', [['tag', 'red {hat, cap|scarf}']]],
    ['{a}, b', [['tag', '{a}'], ['tag', 'b']]],
    ['/* off, still */ on', [['comment', '/* off, still */'], ['tag', 'on']]],
    ['red /* note */ hat', [['tag', 'red'], ['comment', '/* note */'], ['tag', 'hat']]],
    ['/* open, x', [['tag', '/* open'], ['tag', 'x']]],
  ])('%j', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('keeps offsets, cores, weights and alias keys', () => {
    expect(parsePromptElements('a, ($outfit:coat$:0.70), (b, c:1.1), /* d */')).toEqual([
      { kind: 'tag', start: 0, end: 1, text: 'a', core: 'a' },
      { kind: 'alias', start: 3, end: 23, text: '($outfit:coat$:0.70)', core: '$outfit:coat$', weight: '0.70', aliasKey: 'outfit:coat' },
      { kind: 'weighted', start: 25, end: 35, text: '(b, c:1.1)', core: 'b, c', weight: '1.1' },
      { kind: 'comment', start: 37, end: 44, text: '/* d */', core: 'd' },
    ]);
  });

  it('splits every fixture alias text into its comma pieces', () => {
    const { items } = readFixtureJson('aliases/cozygen-aliases.json') as { items: Record<string, string> };
    for (const text of Object.values(items)) {
      const pieces = text.split(',').map((piece) => piece.trim());
      expect(parsePromptElements(text).map((e) => e.text)).toEqual(pieces);
    }
  });
});
