import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTagProgress, loadTagList } from './load-tag-list';
import { readTagList } from './read-tag-list';
import type { TagListsRepository } from './tag-lists.repository';

/**
 * The danbooru list that ships (DominikDoom/a1111-sd-webui-tagcomplete, MIT, notice in
 * `data/LICENSE-MIT.txt`). The build copies it next to this module.
 */
export const SHIPPED_TAG_FILE = join(__dirname, 'data', 'danbooru.csv');
export const SHIPPED_TAG_SOURCE = 'danbooru.csv (shipped)';

/**
 * T-1: with no tag list yet, loads the shipped one, reporting progress lines through `log`.
 * Returns how many tags were loaded (0 when a list was already there).
 */
export async function seedTagList(store: TagListsRepository, log: (line: string) => void, now: () => number = Date.now): Promise<number> {
  if (await store.hasActiveList()) return 0;
  const started = performance.now();
  const read = readTagList(readFileSync(SHIPPED_TAG_FILE, 'utf8'));
  if (!read.ok) throw new Error(`the shipped tag list does not parse: ${read.message}`);
  await loadTagList(store, { source: SHIPPED_TAG_SOURCE, format: read.format, tags: read.tags }, {
    now,
    onProgress: (progress) => {
      if (progress.phase === 'loading') log(formatTagProgress(progress));
    },
  });
  log(`tags: ${read.tags.length.toLocaleString('en-US')} loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return read.tags.length;
}
