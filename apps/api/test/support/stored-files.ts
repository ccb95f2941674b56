import type { Database } from '@app/server/db/database';
import type { AppConfig } from '@app/server/config/env';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * X-3 / J-11 on disk: every file under the outputs and thumbnails folders, and every file the
 * output rows own (the output, and both thumbnails unless it is audio), relative to the data
 * folder. Equal lists mean no orphan, no duplicate, no `.part` or `.tmp`, no stage left behind.
 */
export async function filesOnDisk(config: AppConfig, db: Database): Promise<{ stored: string[]; owned: string[] }> {
  const stored = [...(await filesUnder(config.paths.outputs)), ...(await filesUnder(config.paths.thumbs))].map((path) => relative(config.dataDir, path));
  const rows = await db.selectFrom('outputs').select(['id', 'relPath', 'thumbhash']).execute();
  const owned = rows.flatMap((row) => [
    relative(config.dataDir, join(config.paths.outputs, row.relPath)),
    ...(row.thumbhash === null ? [] : [256, 768].map((size) => relative(config.dataDir, join(config.paths.thumbs, `${row.id}-${size}.webp`)))),
  ]);
  return { stored: stored.sort(), owned: owned.sort() };
}
