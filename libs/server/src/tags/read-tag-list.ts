import { unsafeCharacter } from '@app/shared/contracts/safe-text';
import { createTagListReader, detectTagListFormat, type ParsedTag, type TagListFormat } from '@app/shared/tags/tag-list-parsers';
import { tagKey } from './tag-keys';

/** A line of the file and what was wrong with it; lines count from 1. */
export interface TagLineNote {
  line: number;
  reason: string;
}

export type ReadTagListResult =
  | { ok: true; format: TagListFormat; tags: ParsedTag[]; skipped: TagLineNote[] }
  | { ok: false; message: string; errors: TagLineNote[] };

/** The longest tag name or alias accepted (the shipped list holds a 419-character alias). */
export const MAX_TAG_TEXT = 1000;

const NOTHING_CHANGED = 'nothing was changed';
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function checkTag(tag: ParsedTag): string | undefined {
  if (tag.name.length > MAX_TAG_TEXT) return `tag name longer than ${MAX_TAG_TEXT} characters`;
  const unsafeName = unsafeCharacter(tag.name);
  if (unsafeName) return `tag name holds ${unsafeName}, a control or text-direction character`;
  if (tag.aliases.some((a) => a.length > MAX_TAG_TEXT)) return `alias longer than ${MAX_TAG_TEXT} characters`;
  const unsafeAlias = tag.aliases.map((alias) => unsafeCharacter(alias)).find((found) => found !== undefined);
  return unsafeAlias === undefined ? undefined : `alias holds ${unsafeAlias}, a control or text-direction character`;
}

/** Lines holding characters no text tag list has (NUL and other controls): the file is binary or damaged. */
function unreadableLines(lines: readonly string[]): TagLineNote[] {
  return lines.flatMap((text, index) => {
    const found = unsafeCharacter(index === 0 ? text.replace(/^\uFEFF/, '') : text, { multiline: true });
    return found ? [{ line: index + 1, reason: `holds ${found}, a control or text-direction character` }] : [];
  });
}

/**
 * A whole tag list file (T-2), format detected: CSV `tag,category,count,aliases` or CozyGen's
 * `danbooru_tags.md`. Any bad line makes the file fail with every bad line listed; a tag repeated
 * (same key) keeps its first line and the repeat is reported as skipped. A file with control
 * characters is no text list, and a markdown file whose lines are mostly not tag entries is no
 * tag list: both fail whole, so junk never replaces the served list.
 * @example readTagList('long_hair,0,4350743,"/lh,longhair"') // { ok: true, tags: [long_hair], skipped: [] }
 */
export function readTagList(text: string): ReadTagListResult {
  const lines = text.split('\n');
  const unreadable = unreadableLines(lines);
  if (unreadable.length > 0) {
    return { ok: false, message: `The file is not a text tag list (control or text-direction characters on ${plural(unreadable.length, 'line')}); ${NOTHING_CHANGED}`, errors: unreadable };
  }
  const format = detectTagListFormat(text);
  const read = createTagListReader(format);
  const tags: ParsedTag[] = [];
  const errors: TagLineNote[] = [];
  const skipped: TagLineNote[] = [];
  const unrecognised: TagLineNote[] = [];
  const firstLine = new Map<string, number>();
  lines.forEach((text, index) => {
    const line = index + 1;
    const result = read(text);
    if (result.kind === 'error') errors.push({ line, reason: result.message });
    if (result.kind === 'skip' && format === 'cozygen-markdown' && text.trim() !== '' && !text.trimStart().startsWith('#')) {
      unrecognised.push({ line, reason: 'is neither a tag entry (- `tag` — count) nor a heading' });
    }
    if (result.kind !== 'tag') return;
    const problem = checkTag(result.tag);
    if (problem) {
      errors.push({ line, reason: problem });
      return;
    }
    const key = tagKey(result.tag.name);
    const first = firstLine.get(key);
    if (first !== undefined) {
      skipped.push({ line, reason: `repeats ${result.tag.name} from line ${first}` });
      return;
    }
    firstLine.set(key, line);
    tags.push(result.tag);
  });
  if (errors.length > 0) return { ok: false, message: `The tag list has ${plural(errors.length, 'bad line')}; ${NOTHING_CHANGED}`, errors };
  if (tags.length === 0) return { ok: false, message: `The file holds no tags; ${NOTHING_CHANGED}`, errors };
  // More than half of the content lines unrecognised: some other markdown file, not CozyGen's list.
  if (unrecognised.length > tags.length + skipped.length) {
    return { ok: false, message: `Most lines are not tag entries (${plural(unrecognised.length, 'line')} of ${unrecognised.length + tags.length + skipped.length}); is this CozyGen's danbooru_tags.md? ${NOTHING_CHANGED}`, errors: unrecognised };
  }
  return { ok: true, format, tags, skipped };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The lines (from 1) that are not valid UTF-8. */
function nonUtf8Lines(data: Uint8Array): TagLineNote[] {
  const notes: TagLineNote[] = [];
  let start = 0;
  for (let line = 1; start <= data.length; line++) {
    const newline = data.indexOf(0x0a, start);
    const end = newline < 0 ? data.length : newline;
    try {
      UTF8.decode(data.subarray(start, end));
    } catch {
      notes.push({ line, reason: 'is not UTF-8 text' });
    }
    start = end + 1;
  }
  return notes;
}

/**
 * An uploaded tag list file: UTF-8 text (a leading BOM allowed), then `readTagList`. Binary files
 * (an image, a program) fail here with the lines that are not text.
 */
export function readTagListFile(data: Uint8Array): ReadTagListResult {
  let text: string;
  try {
    text = UTF8.decode(data);
  } catch {
    const errors = nonUtf8Lines(data);
    return { ok: false, message: `The file is not UTF-8 text (${plural(errors.length, 'line')} could not be read); ${NOTHING_CHANGED}`, errors };
  }
  return readTagList(text);
}
