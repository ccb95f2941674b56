import sharp, { type SharpOptions } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { removeQuietly, writeFileAtomic } from '../storage/atomic-write';
import { thumbnailFile, thumbnailFiles, type StorageConfig } from '../storage/paths';
import { runMediaTool } from './media-tool';
import type { MediaProbe } from './probe';
import { OUTPUT_PIXEL_LIMIT } from './probe';
import type { SniffedMedia } from './sniff';

/** G-5: WebP at 256 and 768 px on the longest side, quality 80, never enlarged. */
export const THUMBNAIL_QUALITY = 80;
/** ThumbHash encodes images of at most 100 × 100 px. */
const THUMBHASH_SIDE = 100;
export const POSTER_TIMEOUT_MS = 60_000;
const POSTER_MAX_BYTES = 256 * 1024 * 1024;

const inside = (side: number) => ({ width: side, height: side, fit: 'inside' as const, withoutEnlargement: true });

/**
 * Writes `<id>-768.webp` and `<id>-256.webp` and returns the ThumbHash (base64). The source is
 * decoded once, oriented and shrunk to 768 px; both thumbnails and the hash come from that.
 */
export async function writeStillThumbnails(config: StorageConfig, id: string, input: string | Buffer, options: SharpOptions = {}): Promise<string> {
  const { data, info } = await sharp(input, { limitInputPixels: OUTPUT_PIXEL_LIMIT, autoOrient: true, ...options })
    .resize(inside(768))
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const decoded = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const [large, small, hash] = await Promise.all([
    decoded().webp({ quality: THUMBNAIL_QUALITY }).toBuffer(),
    decoded().resize(inside(256)).webp({ quality: THUMBNAIL_QUALITY }).toBuffer(),
    decoded().resize({ width: THUMBHASH_SIDE, height: THUMBHASH_SIDE, fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
  ]);
  try {
    await Promise.all([writeFileAtomic(thumbnailFile(config, id, 768), large), writeFileAtomic(thumbnailFile(config, id, 256), small)]);
  } catch (error) {
    await removeQuietly(...thumbnailFiles(config, id));
    throw error;
  }
  return Buffer.from(rgbaToThumbHash(hash.info.width, hash.info.height, hash.data)).toString('base64');
}

/** G-5 poster time: min(10% of the duration, 1 s). */
export function posterTimeMs(durationMs: number | null): number {
  return durationMs === null ? 0 : Math.min(Math.floor(durationMs / 10), 1000);
}

/** The page of a GIF/WebP animation showing at `timeMs`, from its per-frame delays. */
function pageAt(delays: readonly number[], timeMs: number): number {
  let elapsed = 0;
  for (const [page, delay] of delays.entries()) {
    elapsed += delay;
    if (elapsed > timeMs) return page;
  }
  return Math.max(0, delays.length - 1);
}

/** One decoded frame as PNG bytes, by ffmpeg; falls back to the first frame when the seek lands past the end. */
async function extractVideoFrame(path: string, timeMs: number): Promise<Buffer> {
  const grab = (seconds: number) =>
    runMediaTool('ffmpeg', ['-ss', seconds.toFixed(3), '-i', `file:${path}`, '-frames:v', '1', '-an', '-f', 'image2pipe', '-c:v', 'png', '-compression_level', '1', '-'], {
      timeoutMs: POSTER_TIMEOUT_MS,
      maxOutputBytes: POSTER_MAX_BYTES,
    });
  const frame = await grab(timeMs / 1000);
  if (frame.length > 0 || timeMs === 0) return frame;
  return grab(0);
}

/**
 * Thumbnails for any sniffed output: stills directly, GIF/WebP animations from the frame at
 * the poster time (sharp), videos and APNG from a frame ffmpeg extracts. Audio has none: null.
 * `input` may hold the file's bytes when they are already in memory.
 */
export async function writeMediaThumbnails(
  config: StorageConfig,
  id: string,
  path: string,
  media: SniffedMedia,
  probe: MediaProbe,
  input: string | Buffer = path,
): Promise<string | null> {
  if (media.kind === 'audio') return null;
  if (!media.animated) return writeStillThumbnails(config, id, input);
  const timeMs = posterTimeMs(probe.durationMs);
  if (media.format === 'gif' || media.format === 'webp') {
    const { delay = [] } = await sharp(input).metadata();
    return writeStillThumbnails(config, id, input, { page: pageAt(delay, timeMs) });
  }
  const frame = await extractVideoFrame(path, timeMs);
  if (frame.length === 0) throw new Error('ffmpeg returned no video frame');
  return writeStillThumbnails(config, id, frame);
}
