import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What our writers call a file while they write it: `.<name>.<random hex>.tmp` (`temporarySibling`)
 * and `.<name>.<uuid>.part` (ComfyUI downloads).
 */
const TEMPORARY_NAME = /^\..+\.[0-9a-f-]{8,}\.(tmp|part)$/;

export interface StaleTemporariesOptions {
  /** Younger files may belong to a writer still at work, in this process or another. */
  minAgeMs: number;
  now: number;
  /** Folders managed otherwise (ingest stages), left alone with everything in them. */
  skip: readonly string[];
}

/** Removes temporary files a process killed mid-write left anywhere under `roots`; returns how many. */
export async function removeStaleTemporaries(roots: readonly string[], options: StaleTemporariesOptions): Promise<number> {
  let removed = 0;
  const visit = async (dir: string): Promise<void> => {
    if (options.skip.includes(dir)) return;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && TEMPORARY_NAME.test(entry.name) && options.now - (await lstat(path)).mtimeMs >= options.minAgeMs) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
  };
  for (const root of roots) await visit(root);
  return removed;
}
