import { readFixtureText } from '@test/fixtures';
import type { TagLineResult } from './tag-list-parsers';
import { createTagListReader, detectTagListFormat, parseCozyGenTagsLine, parseTagCsvLine, splitCsvLine } from './tag-list-parsers';

describe('T-2 CSV lines', () => {
  it.each([
    ['1girl,0,6008644,"1girls,sole_female"', { name: '1girl', category: 'general', count: 6008644, aliases: ['1girls', 'sole_female'] }],
    ['highres,5,5256195,"high_res,high_resolution,hires"', { name: 'highres', category: 'meta', count: 5256195, aliases: ['high_res', 'high_resolution', 'hires'] }],
    ['open_mouth,0,2365905,mouth_open', { name: 'open_mouth', category: 'general', count: 2365905, aliases: ['mouth_open'] }],
    ['skirt,0,1557883,', { name: 'skirt', category: 'general', count: 1557883, aliases: [] }],
    ['"don\'t_say_""lazy""",0,1076,don\'t_say_lazy', { name: 'don\'t_say_"lazy"', category: 'general', count: 1076, aliases: ["don't_say_lazy"] }],
    ['smile,0,2873890,":),:},smiling"', { name: 'smile', category: 'general', count: 2873890, aliases: [':)', ':}', 'smiling'] }],
    ['some_artist,1,30', { name: 'some_artist', category: 'artist', count: 30, aliases: [] }],
    ['hero,Character,12,"a, b"\r', { name: 'hero', category: 'character', count: 12, aliases: ['a', 'b'] }],
    ['\uFEFFbare_tag', { name: 'bare_tag', category: 'general', count: 0, aliases: [] }],
  ])('%j', (line, tag) => {
    expect(parseTagCsvLine(line)).toEqual({ kind: 'tag', tag });
  });

  it.each([
    ['', { kind: 'skip' }],
    ['   ', { kind: 'skip' }],
    ['tag,category,count,aliases', { kind: 'skip' }],
    ['x,2,5,', { kind: 'error', message: 'unknown danbooru category 2' }],
    ['x,0,many,', { kind: 'error', message: 'count "many" is not a whole number' }],
    ['x,0,-5,', { kind: 'error', message: 'count "-5" is not a whole number' }],
    [',0,5,', { kind: 'error', message: 'empty tag name' }],
    ['"open,0,5', { kind: 'error', message: 'unbalanced quotes' }],
    ['"a"b,0,5', { kind: 'error', message: 'unbalanced quotes' }],
  ] as [string, TagLineResult][])('%j → %j', (line, expected) => {
    expect(parseTagCsvLine(line)).toEqual(expected);
  });

  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,', ['a', '', '']],
    ['"",""""', ['', '"']],
    ['"a,b",c', ['a,b', 'c']],
  ])('splits %j', (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });

  it('reads the whole shipped danbooru list without an error', () => {
    const lines = readFixtureText('tags/danbooru.csv').split('\n');
    const read = createTagListReader('csv');
    const byCategory = new Map<string, number>();
    let withAliases = 0;
    const errors: string[] = [];
    for (const line of lines) {
      const result = read(line);
      if (result.kind === 'error') errors.push(line);
      if (result.kind !== 'tag') continue;
      byCategory.set(result.tag.category, (byCategory.get(result.tag.category) ?? 0) + 1);
      if (result.tag.aliases.length > 0) withAliases += 1;
    }
    expect(errors).toEqual([]);
    expect(Object.fromEntries(byCategory)).toEqual({ general: 30_782, artist: 59_201, copyright: 9_478, character: 40_931, meta: 390 });
    expect(withAliases).toBe(23_975);
  });
});

describe('T-2 CozyGen danbooru_tags.md', () => {
  const markdown = [
    '# Danbooru tags',
    '',
    '## clothing_accessories (2)',
    '- `scarf` — 120000',
    '- `star_(symbol)` — 237573',
    '## namespace_misc (3)',
    '- `:d` — 50',
    '- `10:00` — 40',
    '- `re:zero` — 30',
    '## brand_new',
    '- `thing` — 1',
    'not a tag line',
    '- `dash` - 5',
  ].join('\n');

  it('detects the format', () => {
    expect(detectTagListFormat(markdown)).toBe('cozygen-markdown');
    expect(detectTagListFormat('1girl,0,6008644,"1girls,sole_female"\n')).toBe('csv');
  });

  it('reads tags with their sections mapped to buckets', () => {
    const read = createTagListReader('cozygen-markdown');
    const tags = markdown.split('\n').flatMap((line) => {
      const result = read(line);
      return result.kind === 'tag' ? [[result.tag.name, result.tag.category, result.tag.count]] : [];
    });
    expect(tags).toEqual([
      ['scarf', 'clothing', 120000],
      ['star_(symbol)', 'clothing', 237573],
      [':d', 'expression', 50],
      ['10:00', 'general', 40],
      ['re:zero', 'fandom', 30],
      ['thing', 'brand_new', 1],
    ]);
  });

  it.each([
    ['## color (120)', { kind: 'section', rawCategory: 'color', declaredCount: 120 }],
    ['##   Lighting  ', { kind: 'section', rawCategory: 'Lighting' }],
    ['- `x` — 7', { kind: 'tag', tag: { name: 'x', category: 'general', count: 7, aliases: [] } }],
    ['- `x` -- 7', { kind: 'skip' }],
  ])('%j', (line, expected) => {
    expect(parseCozyGenTagsLine(line, '')).toEqual(expected);
  });
});
