import type { CaretToken } from './autocomplete';
import { applyAliasCompletion, applyTagCompletion, findAliasToken, findTagToken, formatTagForPrompt } from './autocomplete';

/** `^` marks the caret in these tables. */
function atCaret(marked: string): [string, number] {
  const caret = marked.indexOf('^');
  return [marked.slice(0, caret) + marked.slice(caret + 1), caret];
}

describe('T-5 tag under the caret', () => {
  it.each([
    ['1girl, long_ha^', 'long_ha'],
    ['1girl, long_ha^ir, smile', 'long_hair'],
    ['lo^ng hair', 'long hair'],
    ['a,\n  blue sk^  \nb', 'blue sk'],
    ['(long_ha^:1.2)', 'long_ha'],
    ['((long_hair^', 'long_hair'],
    ['(long_hair:1.^', undefined],
    ['(long_hair^:1.2), x', 'long_hair'],
    ['star_\\(sym^', 'star_(sym'],
    ['star_\\(symbol\\)^', 'star_(symbol)'],
    ['{red ha^t|blue}', 'red hat'],
    ['{red|blu^}', 'blu'],
    ['$hat$ re^', 're'],
    ['16:9^', '16:9'],
    ['x, a^', undefined],
    ['x, ^', undefined],
    ['$outf^', undefined],
    ['$outfit:co^at$', undefined],
  ])('%j → %p', (marked, query) => {
    const [text, caret] = atCaret(marked);
    expect(findTagToken(text, caret)?.query).toBe(query);
  });

  it('gives the range to replace', () => {
    expect(findTagToken('1girl, (long_ha:1.2)', 14)).toEqual({ start: 8, end: 15, query: 'long_ha' });
  });
});

describe('A-12 alias token under the caret', () => {
  it.each([
    ['red, $^', { start: 5, end: 6, query: '' }],
    ['red, $out^', { start: 5, end: 9, query: 'out' }],
    ['red, $out^fit$, x', { start: 5, end: 13, query: 'outfit' }],
    ['$a$$b^', { start: 3, end: 5, query: 'b' }],
    ['($hero:x^$:0.7)', { start: 1, end: 9, query: 'hero:x' }],
    ['$a$^', undefined],
    ['$a$ b^', undefined],
    ['$5, $a$^', undefined],
    ['price $5 and $^', undefined],
    ['red^', undefined],
  ])('%j → %p', (marked, token) => {
    const [text, caret] = atCaret(marked);
    expect(findAliasToken(text, caret)).toEqual(token);
  });

  it('inserts the chosen token over what was typed', () => {
    const token = findAliasToken('red, $out, x', 9) as CaretToken;
    expect(applyAliasCompletion('red, $out, x', token, '$outfit:coat$')).toEqual({ text: 'red, $outfit:coat$, x', caret: 18 });
  });
});

describe('T-6 inserting a tag', () => {
  it.each([
    ['star_(symbol)', false, 'star_\\(symbol\\)'],
    ['star_(symbol)', true, 'star \\(symbol\\)'],
    ['long_hair', true, 'long hair'],
    [':)', false, ':\\)'],
    ['already_\\(escaped\\)', false, 'already_\\(escaped\\)'],
  ])('writes %j (spaces %p) as %j', (tag, spaces, written) => {
    expect(formatTagForPrompt(tag, { spaces })).toBe(written);
  });

  it.each([
    ['1girl, long^', 'long_hair', false, '1girl, long_hair, ^'],
    ['1girl, long^  ', 'long_hair', false, '1girl, long_hair, ^'],
    ['long^\nsmile', 'long_hair', true, 'long hair, ^\nsmile'],
    ['long^, smile', 'long_hair', false, 'long_hair, ^smile'],
    ['lo^ng_ha, smile', 'long_hair', false, 'long_hair, ^smile'],
    ['(long^:1.2)', 'long_hair', false, '(long_hair^:1.2)'],
    ['{red|blu^}', 'blue', false, '{red|blue^}'],
    ['star_\\(sy^', 'star_(symbol)', false, 'star_\\(symbol\\), ^'],
  ])('in %j picks %j (spaces %p) → %j', (marked, tag, spaces, expectedMarked) => {
    const [text, caret] = atCaret(marked);
    const token = findTagToken(text, caret) as CaretToken;
    const [expected, expectedCaret] = atCaret(expectedMarked);
    expect(applyTagCompletion(text, token, tag, { spaces })).toEqual({ text: expected, caret: expectedCaret });
  });
});
