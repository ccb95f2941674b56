import { formatTagProgress } from './load-tag-list';
import { readTagList } from './read-tag-list';
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
      format: 'csv',
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

  it('reads CozyGen markdown by its section headers', () => {
    expect(readTagList('## color (1)\n- `red` — 10\n')).toEqual({ ok: true, format: 'cozygen-markdown', tags: [{ name: 'red', category: 'color', count: 10, aliases: [] }], skipped: [] });
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
