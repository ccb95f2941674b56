import { formatTagProgress } from './load-tag-list';
import { readTagList, readTagListFile } from './read-tag-list';
import { joinLines, splitLines, tagFragments, tagKey } from './tag-keys';

describe('T-2 reading a whole tag list file', () => {
  it('reads a CSV, keeping the first of repeated tags (same key) and reporting the rest', () => {
    expect(readTagList('tag,category,count,aliases\nlong_hair,0,5,"/lh,longhair"\nLong Hair,0,9,\nsmile,general,3,')).toEqual({
      ok: true,
      format: 'csv',
      tags: [
        { name: 'long_hair', category: 'general', count: 5, aliases: ['/lh', 'longhair'] },
        { name: 'smile', category: 'general', count: 3, aliases: [] },
      ],
      skipped: [{ line: 3, reason: 'repeats Long Hair from line 2' }],
    });
  });

  it('fails on any bad line, listing every one with its number', () => {
    expect(readTagList(`ok,0,1,\nx,7,1,\n${'n'.repeat(1001)},0,1,\n"open,0,1`)).toEqual({
      ok: false,
      message: 'The tag list has 3 bad lines; nothing was changed',
      errors: [
        { line: 2, reason: 'unknown danbooru category 7' },
        { line: 3, reason: 'tag name longer than 1000 characters' },
        { line: 4, reason: 'unbalanced quotes' },
      ],
    });
  });

  it.each([[''], ['\n\n'], ['tag,category,count,aliases\n'], ['# Tags\n\n## color (0)\n']])('fails on a file with no tags: %j', (text) => {
    expect(readTagList(text)).toMatchObject({ ok: false, message: 'The file holds no tags; nothing was changed', errors: [] });
  });

  it.each([
    ['a category that is stray punctuation', 'b: [1,2]', 'category "2]" is neither a danbooru type (0, 1, 3, 4, 5) nor a name of letters, digits, _ or -'],
    ['a tab inside a tag name', 'long\thair,0,1,', 'tag name holds U+0009, a control or text-direction character'],
    ['a tab inside an alias', 'long_hair,0,1,"lh,l\th"', 'alias holds U+0009, a control or text-direction character'],
  ])('fails on %s', (_case, line, reason) => {
    expect(readTagList(`ok,0,1,\n${line}`)).toEqual({ ok: false, message: 'The tag list has 1 bad line; nothing was changed', errors: [{ line: 2, reason }] });
  });

  it('refuses a file with control characters as no text list, listing the lines', () => {
    expect(readTagList('\u0000')).toEqual({ ok: false, message: 'The file is not a text tag list (control or text-direction characters on 1 line); nothing was changed', errors: [{ line: 1, reason: 'holds U+0000, a control or text-direction character' }] });
    expect(readTagList('a,0,1,\r\nb\u001b[0m,0,1,\r\nc\u0007,0,1,\r\nd,0,1,"x,\u202Ey"')).toMatchObject({ ok: false, errors: [{ line: 2 }, { line: 3 }, { line: 4 }] });
  });

  it('refuses a markdown file whose lines are mostly not tag entries', () => {
    const readme = ['# Notes', '## Setup (1)', '- `real_tag` — 5', 'Run the installer.', 'Then restart.', '* a bullet'].join('\n');
    expect(readTagList(readme)).toEqual({
      ok: false,
      message: "Most lines are not tag entries (3 lines of 4); is this CozyGen's danbooru_tags.md? nothing was changed",
      errors: [4, 5, 6].map((line) => ({ line, reason: 'is neither a tag entry (- `tag` — count) nor a heading' })),
    });
  });

  it('reads CozyGen markdown by its section headers', () => {
    expect(readTagList('## color (1)\n- `red` — 10\n')).toEqual({ ok: true, format: 'cozygen-markdown', tags: [{ name: 'red', category: 'color', count: 10, aliases: [] }], skipped: [] });
  });
});

describe('T-2 reading an uploaded file', () => {
  it('reads UTF-8 with or without a byte order mark', () => {
    expect([readTagListFile(Buffer.from('\uFEFFcafé,0,1,')), readTagListFile(Buffer.from('café,0,1,'))].map((read) => read.ok && read.tags[0]?.name)).toEqual(['café', 'café']);
  });

  it('refuses bytes that are not UTF-8, naming the lines', () => {
    const latin1 = Buffer.concat([Buffer.from('ok,0,1,\n'), Buffer.from('caf\xe9,0,1,', 'latin1'), Buffer.from('\nfine,0,1,')]);
    expect(readTagListFile(latin1)).toEqual({ ok: false, message: 'The file is not UTF-8 text (1 line could not be read); nothing was changed', errors: [{ line: 2, reason: 'is not UTF-8 text' }] });
  });
});

describe('tag keys', () => {
  it.each([
    [' Long Hair ', 'long_hair'],
    ['STAR_(Symbol)', 'star_(symbol)'],
    ['a\tb', 'a_b'],
  ])('tagKey(%j) = %j', (text, key) => {
    expect(tagKey(text)).toBe(key);
  });

  it.each([
    ['hair_long', ['hair', 'long']],
    ['low-tied__long', ['low', 'tied', 'long']],
    ['_', []],
  ])('tagFragments(%j) = %j', (key, fragments) => {
    expect(tagFragments(key)).toEqual(fragments);
  });

  it('keeps several spellings in one column and reads them back', () => {
    expect(joinLines(['/lh', 'longhair'])).toBe('\n/lh\nlonghair\n');
    expect(joinLines([])).toBe('');
    expect(splitLines(joinLines(['/lh', 'longhair']))).toEqual(['/lh', 'longhair']);
  });

  it.each([
    [{ loaded: 49_000, total: 140_782 }, 'tags: 35% (49,000 / 140,782)'],
    [{ loaded: 140_782, total: 140_782 }, 'tags: 100% (140,782 / 140,782)'],
  ])('formats progress %j', (progress, line) => {
    expect(formatTagProgress(progress)).toBe(line);
  });
});
