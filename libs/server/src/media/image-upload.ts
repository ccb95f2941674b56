import { ValidationError } from '@app/shared/contracts/errors';
import { withoutUnsafeCharacters } from '@app/shared/contracts/safe-text';
import sharp from 'sharp';
import { sniffMedia } from './sniff';

/** S-15 limits. */
export const UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
export const UPLOAD_MAX_PIXELS = 40_000_000;
const LABEL_MAX_LENGTH = 200;

export interface UploadLimits {
  maxBytes: number;
  maxPixels: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: UPLOAD_MAX_BYTES, maxPixels: UPLOAD_MAX_PIXELS };

/** The upload exceeds the byte limit (the api answers 413). */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
  }
}

/** A re-encoded upload: decoded, oriented, stripped of every piece of metadata. */
export interface ProcessedImage {
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  ext: 'png' | 'jpg' | 'webp';
  width: number;
  height: number;
  data: Buffer;
}

const rejected = (message: string) => new ValidationError('The file is not an accepted image', [{ field: 'file', message }]);

const ENCODERS = {
  png: (image: sharp.Sharp) => image.png({ compressionLevel: 6 }),
  jpeg: (image: sharp.Sharp) => image.jpeg({ quality: 92 }),
  webp: (image: sharp.Sharp) => image.webp({ quality: 90 }),
} as const;

const FORMATS = {
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  webp: { mime: 'image/webp', ext: 'webp' },
} as const;

/**
 * S-15: accepts a still PNG, JPEG or WebP (by its bytes, never its name) of at most
 * `maxBytes` and `maxPixels`, decodes it fully once, applies its EXIF orientation and
 * re-encodes it in the same format without any metadata (EXIF, GPS, XMP, ICC, text chunks).
 * Anything else is a ValidationError on the `file` field.
 */
export async function processImageUpload(bytes: Buffer, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<ProcessedImage> {
  if (bytes.length > limits.maxBytes) throw new FileTooLargeError(limits.maxBytes);
  if (bytes.length === 0) throw rejected('is empty');
  const sniffed = sniffMedia(bytes, true);
  const format = sniffed.status === 'ok' ? sniffed.media.format : undefined;
  if (format === 'apng' || (sniffed.status === 'ok' && sniffed.media.animated && (format === 'webp' || format === 'gif'))) throw rejected('must be a still image, not an animation');
  if (format !== 'png' && format !== 'jpeg' && format !== 'webp') throw rejected('must be a PNG, JPEG or WebP image');

  const header = await sharp(bytes).metadata().catch(() => undefined);
  if (!header) throw rejected('could not be read as an image');
  const { width, height } = header.autoOrient;
  if (width * height > limits.maxPixels) {
    throw rejected(`is ${width}×${height} (${(width * height / 1e6).toFixed(1)} megapixels); at most ${limits.maxPixels / 1e6} megapixels are accepted`);
  }
  const decoded = sharp(bytes, { failOn: 'error', limitInputPixels: limits.maxPixels, autoOrient: true });
  const encoded = await ENCODERS[format](decoded)
    .toBuffer({ resolveWithObject: true })
    .catch(() => undefined);
  if (!encoded) throw rejected('is damaged and could not be decoded');
  return { ...FORMATS[format], width: encoded.info.width, height: encoded.info.height, data: encoded.data };
}

/**
 * The client's file name as a display label only (S-5, S-15): its last path segment,
 * without control characters, trimmed and shortened; never used for storage.
 */
export function uploadLabel(fileName: string | undefined): string {
  const lastSegment = (fileName ?? '').split(/[/\\]/).pop() ?? '';
  const label = withoutUnsafeCharacters(lastSegment.normalize('NFC')).trim();
  return [...label].slice(0, LABEL_MAX_LENGTH).join('') || 'upload';
}
