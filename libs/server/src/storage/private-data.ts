import { chmodSync, closeSync, openSync } from 'node:fs';
import { chmod, lstat, mkdir, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/env';

/**
 * Everything under DATA_DIR — password and token hashes, prompts, every image — is readable by the
 * account running the studio only: a household server may have other local accounts.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
/** Group and other permission bits. */
const SHARED_BITS = 0o077;

/**
 * A file another library creates (SQLite's database): created empty and 0600 when missing, else
 * restricted to 0600. `optional` files are only restricted if they exist.
 */
export function ensurePrivateFile(path: string, options: { optional?: boolean } = {}): void {
  try {
    if (!options.optional) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    if (!options.optional || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes group and other permissions from everything inside `dir`; symbolic links are not followed. */
async function restrictTree(dir: string): Promise<void> {
  for await (const entry of await opendir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await restrictTree(path);
    await chmod(path, (await lstat(path)).mode & 0o777 & ~SHARED_BITS);
  }
}

/**
 * The data folder and its folders, owner-only. An install from before this rule (the data folder
 * open to others) has every folder and file inside restricted once; the data folder's own mode,
 * set last, records that it was done, so an interrupted pass simply runs again at the next start.
 */
export async function securePrivateData(config: Pick<AppConfig, 'dataDir' | 'paths'>): Promise<void> {
  await mkdir(config.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (((await lstat(config.dataDir)).mode & SHARED_BITS) !== 0) {
    await restrictTree(config.dataDir);
    await chmod(config.dataDir, PRIVATE_DIR_MODE);
  }
  for (const dir of Object.values(config.paths).filter((path) => path !== config.paths.secret)) await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}
