import type { TagImportPhase } from '@app/shared/contracts/api/tags';
import type { ParsedTag, TagListFormat } from '@app/shared/tags/tag-list-parsers';
import { joinLines, tagKey } from './tag-keys';
import type { NewTag, TagListsRepository } from './tag-lists.repository';

export interface TagLoadProgress {
  /** `loading` while tags are written, then `activating` (the switch) and `removing-old` (the replaced list, no longer served). */
  phase: Exclude<TagImportPhase, 'reading'>;
  loaded: number;
  total: number;
}

export interface TagListSource {
  /** What the list is called in `GET /api/tags/categories` (a file name). */
  source: string;
  format: TagListFormat;
  tags: readonly ParsedTag[];
}

/** Tags written between progress reports: about 5% of the shipped list. */
const BATCH = 7000;

/**
 * `tags: 35% (49,000 / 140,782)`
 * @example formatTagProgress({ loaded: 49_000, total: 140_782 }) === 'tags: 35% (49,000 / 140,782)'
 */
export function formatTagProgress({ loaded, total }: Pick<TagLoadProgress, 'loaded' | 'total'>): string {
  const percent = total === 0 ? 100 : Math.round((loaded / total) * 100);
  return `tags: ${percent}% (${loaded.toLocaleString('en-US')} / ${total.toLocaleString('en-US')})`;
}

function toNewTag(tag: ParsedTag, id: number): NewTag {
  const nameKey = tagKey(tag.name);
  const aliases = new Map<string, string>();
  for (const alias of tag.aliases) {
    const key = tagKey(alias);
    if (key !== '' && key !== nameKey && !aliases.has(key)) aliases.set(key, alias);
  }
  return { id, name: tag.name, nameKey, category: tag.category, count: tag.count, aliases: joinLines([...aliases.values()]), aliasKeys: joinLines([...aliases.keys()]) };
}

async function dropUnserved(store: TagListsRepository): Promise<void> {
  for (const listId of await store.listsToDrop()) await store.drop(listId);
}

/**
 * Writes a parsed list (names unique by key) and makes it the one served (T-1, T-2). The previous
 * list answers searches until the new one is complete; a failure removes the partial list.
 */
export async function loadTagList(store: TagListsRepository, list: TagListSource, options: { now: () => number; onProgress?: (progress: TagLoadProgress) => void }): Promise<void> {
  const total = list.tags.length;
  const report = (phase: TagLoadProgress['phase'], loaded: number) => options.onProgress?.({ phase, loaded, total });
  report('loading', 0);
  await dropUnserved(store);
  const { listId, firstTagId } = await store.begin(list.source, list.format, options.now());
  try {
    const categories = new Map<string, number>();
    for (let start = 0; start < list.tags.length; start += BATCH) {
      const batch = list.tags.slice(start, start + BATCH).map((tag, offset) => toNewTag(tag, firstTagId + start + offset));
      await store.insert(listId, batch);
      for (const tag of batch) categories.set(tag.category, (categories.get(tag.category) ?? 0) + 1);
      report('loading', start + batch.length);
    }
    report('activating', total);
    await store.activate(listId, total, categories, options.now());
  } catch (error) {
    await store.drop(listId);
    throw error;
  }
  report('removing-old', total);
  await dropUnserved(store);
}
