import { join } from 'node:path';
import type { AppConfig } from '../config/env';
import { isUuid } from '../system/ids';

/**
 * Every stored file's path, derived from ids only (S-3, S-4, S-5): nothing a user typed ever
 * becomes part of a path. Ids must be lower-case UUIDs and extensions come from a fixed list.
 */

export const MEDIA_EXTENSIONS = ['png', 'jpg', 'webp', 'gif', 'mp4', 'mov', 'webm', 'flac', 'mp3', 'wav', 'ogg', 'opus'] as const;
export type MediaExtension = (typeof MEDIA_EXTENSIONS)[number];

export const THUMBNAIL_SIZES = [256, 768] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

/** The part of the configuration storage needs. */
export type StorageConfig = Pick<AppConfig, 'paths'>;

export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
}

export interface OutputFileParts {
  userId: string;
  outputId: string;
  ext: string;
  /** Unix ms; picks the `<yyyy>/<mm>` folder (UTC). */
  createdAt: number;
}

export interface UploadFileParts {
  userId: string;
  uploadId: string;
  ext: string;
}

const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const EXT_PATTERN = MEDIA_EXTENSIONS.join('|');
const OUTPUT_REL_PATH = new RegExp(`^(${UUID_PATTERN})/(\\d{4})/(\\d{2})/(${UUID_PATTERN})\\.(${EXT_PATTERN})$`);
const UPLOAD_REL_PATH = new RegExp(`^(${UUID_PATTERN})/(${UUID_PATTERN})\\.(${EXT_PATTERN})$`);

export function isMediaExtension(ext: string): ext is MediaExtension {
  return (MEDIA_EXTENSIONS as readonly string[]).includes(ext);
}

function checkId(name: string, value: string): string {
  if (!isUuid(value) || value !== value.toLowerCase()) throw new UnsafePathError(`${name} must be a lower-case UUID`);
  return value;
}

function checkExt(ext: string): MediaExtension {
  if (!isMediaExtension(ext)) throw new UnsafePathError(`extension "${ext}" is not allowed`);
  return ext;
}

function monthFolder(createdAt: number): string {
  if (!Number.isSafeInteger(createdAt) || createdAt < 0) throw new UnsafePathError('createdAt must be a non-negative integer of Unix ms');
  const date = new Date(createdAt);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `<userId>/<yyyy>/<mm>/<outputId>.<ext>`, relative to the outputs folder (what the database stores). */
export function outputRelPath(parts: OutputFileParts): string {
  return `${checkId('userId', parts.userId)}/${monthFolder(parts.createdAt)}/${checkId('outputId', parts.outputId)}.${checkExt(parts.ext)}`;
}

/** `<outputs>/<userId>/<yyyy>/<mm>/<outputId>.<ext>`. */
export function outputFile(config: StorageConfig, parts: OutputFileParts): string {
  return join(config.paths.outputs, outputRelPath(parts));
}

/**
 * The absolute path of an output recorded in the database. The stored relative path must
 * have exactly the shape `outputRelPath` writes and name this output and owner.
 */
export function storedOutputFile(config: StorageConfig, stored: { userId: string; outputId: string; relPath: string }): string {
  const match = OUTPUT_REL_PATH.exec(stored.relPath);
  if (!match || match[1] !== stored.userId || match[4] !== stored.outputId) throw new UnsafePathError('stored output path does not match its ids');
  return join(config.paths.outputs, stored.relPath);
}

/** `<thumbs>/<id>-<256|768>.webp`; `id` is an output's or an upload's id. */
export function thumbnailFile(config: StorageConfig, id: string, size: ThumbnailSize): string {
  if (!THUMBNAIL_SIZES.includes(size)) throw new UnsafePathError(`thumbnail size ${String(size)} is not allowed`);
  return join(config.paths.thumbs, `${checkId('id', id)}-${size}.webp`);
}

/** Both thumbnail paths of one output or upload, smallest first. */
export function thumbnailFiles(config: StorageConfig, id: string): string[] {
  return THUMBNAIL_SIZES.map((size) => thumbnailFile(config, id, size));
}

/**
 * `<outputs>/.incoming/<jobId>`: one job's ingest stage. Downloads, post-processing, the stored
 * output and its thumbnails are made here and only renamed into place when complete, so a crash
 * leaves its debris in the stage, which is removed as a whole.
 */
export function stageFolder(config: StorageConfig, jobId: string): string {
  return join(stagesFolder(config), checkId('jobId', jobId));
}

/** `<outputs>/.incoming`: every job's stage. */
export function stagesFolder(config: StorageConfig): string {
  return join(config.paths.outputs, '.incoming');
}

/** `<userId>/<uploadId>.<ext>`, relative to the uploads folder. */
export function uploadRelPath(parts: UploadFileParts): string {
  return `${checkId('userId', parts.userId)}/${checkId('uploadId', parts.uploadId)}.${checkExt(parts.ext)}`;
}

/** `<uploads>/<userId>/<uploadId>.<ext>`. */
export function uploadFile(config: StorageConfig, parts: UploadFileParts): string {
  return join(config.paths.uploads, uploadRelPath(parts));
}

/** The absolute path of an upload recorded in the database (same checks as `storedOutputFile`). */
export function storedUploadFile(config: StorageConfig, stored: { userId: string; uploadId: string; relPath: string }): string {
  const match = UPLOAD_REL_PATH.exec(stored.relPath);
  if (!match || match[1] !== stored.userId || match[2] !== stored.uploadId) throw new UnsafePathError('stored upload path does not match its ids');
  return join(config.paths.uploads, stored.relPath);
}
