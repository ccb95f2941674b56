import type { AliasSource } from './alias-index';
import { buildAliasIndex } from './alias-index';
import { expandPrompt } from './expand-prompt';
import type { AliasPlace } from './rewrite-references';
import { rewriteAliasReferences, rewriteFormValueReferences } from './rewrite-references';

const castleBefore: AliasSource = { id: 'c1', category: 'places', name: 'castle', text: 'stone castle, towers' };
const others: AliasSource[] = [
  { id: 'm1', category: null, name: 'moody', text: 'dark clouds' },
  { id: 'f1', category: 'fruit', name: 'cherry', text: 'red fruit' },
  { id: 'k1', category: 'color', name: 'cherry', text: 'dark red' },
];
const before = buildAliasIndex([castleBefore, ...others]);
const toFort = new Map<string, AliasPlace>([['c1', { category: 'places', name: 'fort' }]]);

describe('rewriteAliasReferences (A-8 rename)', () => {
  it.each([
    ['$places:castle$', '$places:fort$'],
    ['$places::castle$, sky', '$places:fort$, sky'],
    ['$PLACES:Castle$', '$places:fort$'],
    ['($castle$:1.2), sky', '($places:fort$:1.2), sky'],
    ['at places::castle at dusk', 'at places::fort at dusk'],
    ['/* $castle$ */ $moody$', '/* $places:fort$ */ $moody$'],
  ])('%s → %s', (text, expected) => {
    expect(rewriteAliasReferences(text, before, toFort).text).toBe(expected);
  });

  it('counts the tokens it replaced and leaves other aliases, unknown and ambiguous tokens alone', () => {
    const text = '$castle$ $moody$ $nope$ $cherry$ $castle$';
    expect(rewriteAliasReferences(text, before, toFort)).toEqual({ text: '$places:fort$ $moody$ $nope$ $cherry$ $places:fort$', count: 2 });
  });

  it('leaves text that names no alias untouched, including times like 10::30', () => {
    expect(rewriteAliasReferences('sunset at 10::30, castle', before, toFort)).toEqual({ text: 'sunset at 10::30, castle', count: 0 });
  });

  it('turns a bare token into a $name$ token when the alias lost its category', () => {
    const uncategorised = new Map<string, AliasPlace>([['c1', { category: null, name: 'fort' }]]);
    expect(rewriteAliasReferences('places::castle', before, uncategorised).text).toBe('$fort$');
  });

  it('rewrites a whole category rename', () => {
    const index = buildAliasIndex([castleBefore, { id: 'c2', category: 'places', name: 'lake', text: 'calm lake' }]);
    const renamed = new Map<string, AliasPlace>([
      ['c1', { category: 'scenes', name: 'castle' }],
      ['c2', { category: 'scenes', name: 'lake' }],
    ]);
    expect(rewriteAliasReferences('$places:castle$, places::lake', index, renamed).text).toBe('$scenes:castle$, scenes::lake');
  });

  it('expands to the same prompt after the rename as before it', () => {
    const text = '($castle$:0.8), {day|night}, places::castle';
    const after = buildAliasIndex([{ ...castleBefore, name: 'fort' }, ...others]);
    const rewritten = rewriteAliasReferences(text, before, toFort).text;
    const expand = (prompt: string, index = before) => expandPrompt(prompt, index, { seed: 7, fieldKey: 'positive' }).text;
    expect(expand(rewritten, after)).toBe(expand(text));
    expect(expand(text, after)).not.toBe(expand(text));
  });
});

describe('rewriteFormValueReferences', () => {
  it('rewrites text values only and sums the count', () => {
    const values = { positive: '$castle$, $castle$', negative: 'blurry', steps: 20, upscale: true, image: null };
    expect(rewriteFormValueReferences(values, before, toFort)).toEqual({
      values: { positive: '$places:fort$, $places:fort$', negative: 'blurry', steps: 20, upscale: true, image: null },
      count: 2,
    });
  });
});
