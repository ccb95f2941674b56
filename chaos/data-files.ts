import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir`, as paths relative to it (hidden files included). */
export function listFiles(dir: string): string[] {
  const walk = (folder: string): string[] => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return []; // not created yet
    }
    return entries.flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? walk(path) : [relative(dir, path)];
    });
  };
  return walk(dir);
}

/** What the database says should exist: output files and the ids that own thumbnails and uploads. */
export interface ExpectedFiles {
  /** `relPath` of every output not deleted (relative to `outputs/`). */
  outputPaths: ReadonlySet<string>;
  /** Output and upload ids: each owns `<id>-256.webp` and `<id>-768.webp` in `thumbs/`. */
  thumbnailOwners: ReadonlySet<string>;
  /** `relPath` of every upload (relative to `uploads/`). */
  uploadPaths: ReadonlySet<string>;
}

export interface StrayFiles {
  /** Files no row accounts for, relative to the data folder. */
  orphans: string[];
  /** Half-written files (`.part`, `.tmp`) anywhere in the data folder. */
  partial: string[];
}

const PARTIAL = /\.(part|tmp)$/;
const THUMBNAIL = /^([0-9a-f-]{36})-(256|768)\.webp$/;

/**
 * Files in the data folder that should not be there: half-written ones anywhere, and in
 * `outputs/`, `thumbs/` and `uploads/` any file no database row accounts for.
 */
export function strayFiles(dataDir: string, expected: ExpectedFiles): StrayFiles {
  const partial = listFiles(dataDir).filter((path) => PARTIAL.test(path));
  const orphans = [
    ...listFiles(join(dataDir, 'outputs'))
      .filter((path) => !PARTIAL.test(path) && !expected.outputPaths.has(path))
      .map((path) => join('outputs', path)),
    ...listFiles(join(dataDir, 'thumbs'))
      .filter((name) => !PARTIAL.test(name) && !expected.thumbnailOwners.has(THUMBNAIL.exec(name)?.[1] ?? ''))
      .map((name) => join('thumbs', name)),
    ...listFiles(join(dataDir, 'uploads'))
      .filter((path) => !PARTIAL.test(path) && !expected.uploadPaths.has(path))
      .map((path) => join('uploads', path)),
  ];
  return { orphans, partial };
}
