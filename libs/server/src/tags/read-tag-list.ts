import { createTagListReader, detectTagListFormat, type ParsedTag, type TagListFormat } from '@app/shared/tags/tag-list-parsers';
import { tagKey } from './tag-keys';

/** A line of the file and what was wrong with it; lines count from 1. */
export interface TagLineNote {
  line: number;
  reason: string;
}

export type ReadTagListResult =
  | { ok: true; format: TagListFormat; tags: ParsedTag[]; skipped: TagLineNote[] }
  | { ok: false; format: TagListFormat; message: string; errors: TagLineNote[] };

/** The longest tag name or alias accepted (the shipped list holds a 419-character alias). */
export const MAX_TAG_TEXT = 1000;

function checkLengths(tag: ParsedTag): string | undefined {
  if (tag.name.length > MAX_TAG_TEXT) return `tag name longer than ${MAX_TAG_TEXT} characters`;
  const alias = tag.aliases.find((a) => a.length > MAX_TAG_TEXT);
  return alias === undefined ? undefined : `alias longer than ${MAX_TAG_TEXT} characters`;
}

/**
 * A whole tag list file (T-2), format detected: CSV `tag,category,count,aliases` or CozyGen's
 * `danbooru_tags.md`. Any bad line makes the file fail with every bad line listed; a tag repeated
 * (same key) keeps its first line and the repeat is reported as skipped.
 * @example readTagList('long_hair,0,4350743,"/lh,longhair"') // { ok: true, tags: [long_hair], skipped: [] }
 */
export function readTagList(text: string): ReadTagListResult {
  const format = detectTagListFormat(text);
  const read = createTagListReader(format);
  const tags: ParsedTag[] = [];
  const errors: TagLineNote[] = [];
  const skipped: TagLineNote[] = [];
  const firstLine = new Map<string, number>();
  text.split('\n').forEach((text, index) => {
    const line = index + 1;
    const result = read(text);
    if (result.kind === 'error') errors.push({ line, reason: result.message });
    if (result.kind !== 'tag') return;
    const tooLong = checkLengths(result.tag);
    if (tooLong) {
      errors.push({ line, reason: tooLong });
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
  if (errors.length > 0) return { ok: false, format, message: `The tag list has ${errors.length} bad line${errors.length === 1 ? '' : 's'}; nothing was changed`, errors };
  if (tags.length === 0) return { ok: false, format, message: 'The file holds no tags; nothing was changed', errors };
  return { ok: true, format, tags, skipped };
}
