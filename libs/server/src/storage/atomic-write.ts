import { randomBytes } from 'node:crypto';
import { access, chmod, copyFile, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_DIR_MODE as DIR_MODE, PRIVATE_FILE_MODE as FILE_MODE } from './private-data';

/**
 * S-25: a file appears under its final name only once it is complete. Everything is written
 * to a hidden temporary name in the same folder (so the rename cannot cross file systems),
 * flushed to disk, then renamed over the destination. Files and folders are owner-only.
 */

/** `.<name>.<random>.tmp` beside `path`. */
export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Runs `write(temp)`, flushes and renames onto `path`; the temporary file never outlives a failure. */
async function replaceAtomically(path: string, write: (temp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const temp = temporarySibling(path);
  try {
    await write(temp);
    await flush(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  return replaceAtomically(path, async (temp) => {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  });
}

/**
 * Writes a stream; resolves with the number of bytes written. The file is opened before the first
 * byte is read and closed before a failure is reported: a stream opening its own file lazily let a
 * source that failed at once have its clean-up run before the file existed, which then appeared.
 */
export async function streamToFileAtomic(path: string, source: Readable | AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  await replaceAtomically(path, async (temp) => {
    const sink = (await open(temp, 'wx', FILE_MODE)).createWriteStream();
    const closed = new Promise<void>((resolve) => sink.once('close', () => resolve()));
    try {
      await pipeline(source, sink);
      bytes = sink.bytesWritten;
    } finally {
      sink.destroy();
      await closed;
    }
  });
  return bytes;
}

export function copyFileAtomic(source: string, path: string): Promise<void> {
  return replaceAtomically(path, (temp) => copyFile(source, temp));
}

/**
 * Moves `source` onto `path`: one rename when both are on the same file system, else an
 * atomic copy followed by removing the source. The file becomes owner-only whatever wrote it
 * (a download, ffmpeg).
 */
export async function moveFileAtomic(source: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  try {
    await chmod(source, FILE_MODE);
    await flush(source);
    await rename(source, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFileAtomic(source, path);
    await unlink(source);
  }
}

/** Removes files that may or may not exist (clean-up after a failure, deleting derived files). */
export async function removeQuietly(...paths: string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
}

/** Whether a file (or folder) is there: for steps that may have been done before a crash. */
export function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
