import type { MediaKind } from '@app/shared/contracts/api/media';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputsTable } from '../db/schema';
import { moveFileAtomic, pathExists, removeQuietly, writeFileAtomic } from '../storage/atomic-write';
import { outputRelPath, storedOutputFile, THUMBNAIL_SIZES, thumbnailFile, thumbnailFiles, type MediaExtension, type StorageConfig } from '../storage/paths';
import { addPngText, type PngTextEntry } from './png-text';
import { probeMedia } from './probe';
import { sniffFile } from './sniff';
import { writeMediaThumbnails } from './thumbnails';

export interface IngestOutputInput {
  config: StorageConfig;
  /** The job's stage (`stageFolder`): the output and its thumbnails are made here, then `placeOutput` moves them. */
  stageDir: string;
  /** The downloaded file, in the stage; consumed on success. */
  sourcePath: string;
  userId: string;
  outputId: string;
  /** Unix ms; also the `<yyyy>/<mm>` folder, so record the same value on the output row. */
  createdAt: number;
  /** Text chunks added to PNG outputs (J-12); ignored for other formats. */
  pngText?: readonly PngTextEntry[];
}

/** Everything J-11 records per output file, plus where it now is (relative to the outputs folder). */
export type IngestedOutput = Pick<OutputsTable, 'mime' | 'width' | 'height' | 'durationMs' | 'frames' | 'fps' | 'bytes' | 'sha256' | 'relPath' | 'thumbhash'> & {
  kind: MediaKind;
  ext: MediaExtension;
};

/** The file is not one of the G-3 formats (or is damaged beyond recognition). */
export class UnsupportedMediaError extends Error {
  override readonly name = 'UnsupportedMediaError';
}

async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const data = chunk as Buffer;
    bytes += data.length;
    hash.update(data);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Like Promise.all, but settles every promise before reporting the first failure. */
async function settleAll<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * Turns a downloaded output into a stored one: sniffs what it really is (ComfyUI's file name
 * is never trusted), adds the PNG lineage chunks, probes it, and writes both thumbnails and the
 * ThumbHash, all in the job's stage; `placeOutput` then moves the complete set to its id-derived
 * paths (S-25), so an output has its thumbnails before anyone records or lists it.
 *
 * On success the source file is gone; on failure it is left where it was and nothing that
 * was written remains.
 */
export async function ingestOutput(input: IngestOutputInput): Promise<IngestedOutput> {
  const { sourcePath, outputId, stageDir } = input;
  const media = await sniffFile(sourcePath);
  if (!media) throw new UnsupportedMediaError('output is not a supported image, video or audio file');
  const relPath = outputRelPath({ userId: input.userId, outputId, ext: media.ext, createdAt: input.createdAt });
  const staged = stagedConfig(input.config, stageDir);
  const target = stagedOutputFile(stageDir, outputId, media.ext);

  const original = media.ext === 'png' || media.kind === 'image' ? await readFile(sourcePath) : undefined;
  const rewritten = original && media.ext === 'png' && input.pngText?.length ? addPngText(original, input.pngText) : undefined;
  const content = rewritten ?? original;
  let stored: IngestedOutput;
  try {
    const probed = probeMedia(sourcePath, media, content);
    // allSettled: nothing may still be writing a thumbnail when a failure cleans up.
    const [facts, thumbhash, digest] = await settleAll([
      probed,
      probed.then((probe) => writeMediaThumbnails(staged, outputId, sourcePath, media, probe, content)),
      content ? Promise.resolve({ sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length }) : sha256OfFile(sourcePath),
    ] as const);
    if (rewritten) await writeFileAtomic(target, rewritten);
    else await moveFileAtomic(sourcePath, target);
    stored = { kind: media.kind, mime: media.mime, ext: media.ext, ...facts, ...digest, relPath, thumbhash };
  } catch (error) {
    await removeQuietly(...thumbnailFiles(staged, outputId));
    throw error;
  }
  // The output is complete; what is left of the download is only a left-over.
  if (rewritten) await removeQuietly(sourcePath);
  return stored;
}

/** What places an ingested output: its id and owner, and what `ingestOutput` said about it (a row has it all). */
export type PlacedOutput = Pick<OutputsTable, 'id' | 'userId' | 'ext' | 'relPath' | 'thumbhash'>;

/** Thumbnails are written where `paths.thumbs` says: in the stage, for a staged output. */
function stagedConfig(config: StorageConfig, stageDir: string): StorageConfig {
  return { paths: { ...config.paths, thumbs: stageDir } };
}

function stagedOutputFile(stageDir: string, outputId: string, ext: string): string {
  return join(stageDir, `${outputId}.${ext}`);
}

/** `[staged, final]` for the output and each of its thumbnails (audio has none). */
function placements(config: StorageConfig, stageDir: string, output: PlacedOutput): [string, string][] {
  const staged = stagedConfig(config, stageDir);
  const thumbnails = output.thumbhash === null ? [] : THUMBNAIL_SIZES.map((size): [string, string] => [thumbnailFile(staged, output.id, size), thumbnailFile(config, output.id, size)]);
  return [[stagedOutputFile(stageDir, output.id, output.ext), storedOutputFile(config, { userId: output.userId, outputId: output.id, relPath: output.relPath })], ...thumbnails];
}

/**
 * Moves a staged output and its thumbnails into place (one rename each). Safe to run again after
 * a crash part-way: a file already moved is found in place and left there.
 */
export async function placeOutput(config: StorageConfig, stageDir: string, output: PlacedOutput): Promise<void> {
  for (const [from, to] of placements(config, stageDir, output)) {
    await moveFileAtomic(from, to).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !(await pathExists(to))) throw error;
    });
  }
}

/** Removes whatever `placeOutput` may have moved into place, for an output no row came to own. */
export async function removePlacedOutput(config: StorageConfig, stageDir: string, output: PlacedOutput): Promise<void> {
  await removeQuietly(...placements(config, stageDir, output).map(([, to]) => to));
}
