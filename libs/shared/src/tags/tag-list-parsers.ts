import { cozyGenCategoryBucket, DANBOORU_CATEGORIES, danbooruCategoryName } from './categories';

/**
 * Tag list formats an admin can import (T-2), read one line at a time so a 100k-line file streams:
 * CSV `tag,category,count,aliases` (RFC 4180 quoting, header optional) and CozyGen's
 * `danbooru_tags.md` (`## <raw_category> (<n>)` headers, ``- `<tag>` — <count>`` lines).
 */

export interface ParsedTag {
  /** As in the source (`long_hair`). */
  name: string;
  category: string;
  count: number;
  /** Other spellings that lead to this tag. */
  aliases: string[];
}

export type TagLineResult = { kind: 'tag'; tag: ParsedTag } | { kind: 'skip' } | { kind: 'error'; message: string };

export type TagListFormat = 'csv' | 'cozygen-markdown';

/**
 * The fields of one CSV line (RFC 4180: quoted fields may hold commas, `""` is a quote), or
 * undefined when its quoting is broken.
 * @example splitCsvLine('long_hair,0,4350743,"/lh,longhair"') // ['long_hair', '0', '4350743', '/lh,longhair']
 */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return undefined;
        field += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        field += '"';
        i += 1;
      }
      if (i < line.length && line[i] !== ',') return undefined;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      field = line.slice(i, end);
      i = end;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i += 1;
  }
}

/** A category given by name: a word such as `clothing` or `hair-color`, never stray punctuation. */
const CATEGORY_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const DANBOORU_TYPE_IDS = Object.keys(DANBOORU_CATEGORIES).join(', ');

function parseCategory(field: string): { category: string } | { error: string } {
  const value = field.trim();
  if (value === '') return { category: 'general' };
  if (/^\d+$/.test(value)) {
    const category = danbooruCategoryName(Number(value));
    return category === undefined ? { error: `unknown danbooru category ${value}` } : { category };
  }
  const name = value.toLowerCase();
  return CATEGORY_NAME.test(name) ? { category: name } : { error: `category ${JSON.stringify(value)} is neither a danbooru type (${DANBOORU_TYPE_IDS}) nor a name of letters, digits, _ or -` };
}

function parseCount(field: string | undefined): number | undefined {
  const value = (field ?? '').trim();
  if (value === '') return 0;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * One line of a CSV tag list; blank lines and a `tag,category,…` header are skipped.
 * @example parseTagCsvLine('long_hair,0,4350743,"/lh,longhair"')
 * // { kind: 'tag', tag: { name: 'long_hair', category: 'general', count: 4350743, aliases: ['/lh', 'longhair'] } }
 */
export function parseTagCsvLine(line: string): TagLineResult {
  const clean = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (clean.trim() === '') return { kind: 'skip' };
  const fields = splitCsvLine(clean);
  if (!fields) return { kind: 'error', message: 'unbalanced quotes' };
  const [rawName = '', rawCategory = '', rawCount, rawAliases = ''] = fields;
  const name = rawName.trim();
  if (name.toLowerCase() === 'tag' && rawCategory.trim().toLowerCase() === 'category') return { kind: 'skip' };
  if (name === '') return { kind: 'error', message: 'empty tag name' };
  const category = parseCategory(rawCategory);
  if ('error' in category) return { kind: 'error', message: category.error };
  const count = parseCount(rawCount);
  if (count === undefined) return { kind: 'error', message: `count ${JSON.stringify(rawCount)} is not a whole number` };
  const aliases = rawAliases
    .split(',')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
  return { kind: 'tag', tag: { name, category: category.category, count, aliases } };
}

export type CozyGenTagsLine = TagLineResult | { kind: 'section'; rawCategory: string; declaredCount?: number };

const SECTION = /^##\s+(.+?)(?:\s+\((\d+)\))?\s*$/;
const TAG_ENTRY = /^-\s+`([^`]+)`\s+—\s+(\d+)\s*$/;

/**
 * One line of CozyGen's `danbooru_tags.md`; `rawCategory` is the section the line is in.
 * @example parseCozyGenTagsLine('- `scarf` — 123', 'clothing_accessories') // a tag in 'clothing'
 */
export function parseCozyGenTagsLine(line: string, rawCategory: string): CozyGenTagsLine {
  const clean = line.trim();
  const section = SECTION.exec(clean);
  if (section) {
    const [, raw = '', declared] = section;
    return declared === undefined ? { kind: 'section', rawCategory: raw.trim() } : { kind: 'section', rawCategory: raw.trim(), declaredCount: Number(declared) };
  }
  const entry = TAG_ENTRY.exec(clean);
  if (!entry) return { kind: 'skip' };
  const [, rawName = '', count = '0'] = entry;
  const name = rawName.trim();
  if (name === '') return { kind: 'skip' };
  return { kind: 'tag', tag: { name, category: cozyGenCategoryBucket(rawCategory, name), count: Number(count), aliases: [] } };
}

/**
 * Which format a file is in, from its first few kilobytes: markdown section headers mean CozyGen's.
 * @example detectTagListFormat('# Tags\n\n## color (2)\n') === 'cozygen-markdown'
 */
export function detectTagListFormat(head: string): TagListFormat {
  return /^##\s/m.test(head.slice(0, 8192)) ? 'cozygen-markdown' : 'csv';
}

/**
 * A line reader for one file; it remembers the markdown section between calls.
 * @example const read = createTagListReader('csv'); read('1girl,0,6008644,') // a tag
 */
export function createTagListReader(format: TagListFormat): (line: string) => TagLineResult {
  if (format === 'csv') return parseTagCsvLine;
  let rawCategory = '';
  return (line) => {
    const result = parseCozyGenTagsLine(line, rawCategory);
    if (result.kind !== 'section') return result;
    rawCategory = result.rawCategory;
    return { kind: 'skip' };
  };
}
