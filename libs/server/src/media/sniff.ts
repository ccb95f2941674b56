import type { MediaKind } from '@app/shared/contracts/api/media';
import { open, readFile } from 'node:fs/promises';
import type { MediaExtension } from '../storage/paths';

/** Container formats we recognise; `apng` is a PNG with an animation control chunk. */
export type MediaFormat = 'png' | 'apng' | 'jpeg' | 'webp' | 'gif' | 'mp4' | 'mov' | 'webm' | 'flac' | 'mp3' | 'wav' | 'ogg' | 'opus';

/** What the bytes are, read from magic numbers and container headers only (G-3). */
export interface SniffedMedia {
  kind: MediaKind;
  format: MediaFormat;
  mime: string;
  ext: MediaExtension;
  animated: boolean;
}

/** `need-more`: a known container whose deciding part lies beyond the bytes given. */
export type SniffResult = { status: 'ok'; media: SniffedMedia } | { status: 'unknown' } | { status: 'need-more' };

type Described = Omit<SniffedMedia, 'kind'>;

const NEED_MORE = Symbol('need-more');
type Probe = Described | undefined | typeof NEED_MORE;

/** How much of a file `sniffFile` reads first. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return offset + length <= bytes.length ? String.fromCharCode(...bytes.subarray(offset, offset + length)) : '';
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((value, index) => bytes[offset + index] === value);
}

function uint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Walks chunk headers until IDAT (still) or acTL (APNG, which must precede IDAT). */
function sniffPng(bytes: Uint8Array): Probe {
  let offset = 8;
  for (let index = 0; ; index++) {
    if (offset + 8 > bytes.length) return NEED_MORE;
    const length = uint32(bytes, offset);
    const type = ascii(bytes, offset + 4, 4);
    if (length > 0x7fffffff || (index === 0 && (type !== 'IHDR' || length !== 13))) return undefined;
    if (type === 'acTL') return { format: 'apng', mime: 'image/png', ext: 'png', animated: true };
    if (type === 'IDAT') return { format: 'png', mime: 'image/png', ext: 'png', animated: false };
    if (type === 'IEND') return undefined;
    offset += 12 + length;
  }
}

/** GIF blocks: a second image descriptor before the trailer makes it an animation. */
function sniffGif(bytes: Uint8Array): Probe {
  if (bytes.length < 13) return NEED_MORE;
  const packed = bytes[10] ?? 0;
  let offset = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let images = 0;
  const skipSubBlocks = (from: number): number | undefined => {
    let at = from;
    for (;;) {
      const size = bytes[at];
      if (size === undefined) return undefined;
      at += 1 + size;
      if (size === 0) return at;
    }
  };
  for (;;) {
    const block = bytes[offset];
    if (block === undefined) return NEED_MORE;
    if (block === 0x3b) return images === 1 ? { format: 'gif', mime: 'image/gif', ext: 'gif', animated: false } : undefined;
    let next: number | undefined;
    if (block === 0x21) next = skipSubBlocks(offset + 2);
    else if (block === 0x2c) {
      if (++images > 1) return { format: 'gif', mime: 'image/gif', ext: 'gif', animated: true };
      const local = bytes[offset + 9];
      if (local === undefined) return NEED_MORE;
      next = skipSubBlocks(offset + 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1);
    } else return undefined;
    if (next === undefined) return NEED_MORE;
    offset = next;
  }
}

function sniffRiff(bytes: Uint8Array): Probe {
  const form = ascii(bytes, 8, 4);
  if (form === 'WAVE') return { format: 'wav', mime: 'audio/wav', ext: 'wav', animated: false };
  if (form !== 'WEBP') return undefined;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' || chunk === 'VP8L') return { format: 'webp', mime: 'image/webp', ext: 'webp', animated: false };
  if (chunk !== 'VP8X') return undefined;
  const flags = bytes[20];
  if (flags === undefined) return NEED_MORE;
  return { format: 'webp', mime: 'image/webp', ext: 'webp', animated: (flags & 0x02) !== 0 };
}

function sniffIsoMedia(bytes: Uint8Array): Probe {
  const brand = ascii(bytes, 8, 4);
  if (brand === 'qt  ') return { format: 'mov', mime: 'video/quicktime', ext: 'mov', animated: true };
  // Audio-only MPEG-4 (iTunes audio and audiobooks) is not one of the G-3 formats.
  if (brand === 'M4A ' || brand === 'M4B ' || brand === 'M4P ') return undefined;
  return { format: 'mp4', mime: 'video/mp4', ext: 'mp4', animated: true };
}

/** EBML header: the DocType element (id 0x4282) says WebM or plain Matroska. */
function sniffWebm(bytes: Uint8Array): Probe {
  const head = bytes.subarray(0, 64);
  for (let at = 4; at + 2 < head.length; at++) {
    if (head[at] !== 0x42 || head[at + 1] !== 0x82) continue;
    const size = (head[at + 2] ?? 0) & 0x7f;
    return ascii(head, at + 3, size) === 'webm' ? { format: 'webm', mime: 'video/webm', ext: 'webm', animated: true } : undefined;
  }
  return bytes.length < 64 ? NEED_MORE : undefined;
}

/** The first Ogg page holds the codec's identification header. */
function sniffOgg(bytes: Uint8Array): Probe {
  const segments = bytes[26];
  if (segments === undefined) return NEED_MORE;
  const packet = 27 + segments;
  if (packet + 8 > bytes.length) return NEED_MORE;
  if (ascii(bytes, packet, 8) === 'OpusHead') return { format: 'opus', mime: 'audio/ogg', ext: 'opus', animated: false };
  if (ascii(bytes, packet + 1, 6) === 'vorbis' || ascii(bytes, packet + 1, 4) === 'FLAC') return { format: 'ogg', mime: 'audio/ogg', ext: 'ogg', animated: false };
  return undefined;
}

/** An MPEG-1/2 Layer III frame header with a valid bitrate and sample rate. */
function isMp3Frame(bytes: Uint8Array): boolean {
  const [b0, b1, b2] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0];
  const bitrate = b2 >> 4;
  return b0 === 0xff && (b1 & 0xe0) === 0xe0 && ((b1 >> 1) & 3) === 1 && ((b1 >> 3) & 3) !== 1 && bitrate !== 0 && bitrate !== 15 && ((b2 >> 2) & 3) !== 3;
}

function describe(bytes: Uint8Array): Probe {
  if (bytes.length < 12) return startsWith(bytes, PNG_SIGNATURE.slice(0, bytes.length)) ? NEED_MORE : undefined;
  if (startsWith(bytes, PNG_SIGNATURE)) return sniffPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg', mime: 'image/jpeg', ext: 'jpg', animated: false };
  const magic = ascii(bytes, 0, 4);
  if (magic === 'RIFF') return sniffRiff(bytes);
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return sniffGif(bytes);
  if (ascii(bytes, 4, 4) === 'ftyp') return sniffIsoMedia(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return sniffWebm(bytes);
  if (magic === 'fLaC') return { format: 'flac', mime: 'audio/flac', ext: 'flac', animated: false };
  if (magic === 'OggS') return sniffOgg(bytes);
  if (ascii(bytes, 0, 3) === 'ID3' || isMp3Frame(bytes)) return { format: 'mp3', mime: 'audio/mpeg', ext: 'mp3', animated: false };
  return undefined;
}

function kindOf(media: Described): MediaKind {
  if (media.format === 'flac' || media.format === 'mp3' || media.format === 'wav' || media.format === 'ogg' || media.format === 'opus') return 'audio';
  return media.animated ? 'video' : 'image';
}

/**
 * Identifies media from its leading bytes. Pass `complete: true` when `bytes` is the whole
 * file, so a container that ends before its deciding part counts as unknown (truncated).
 */
export function sniffMedia(bytes: Uint8Array, complete: boolean): SniffResult {
  const described = describe(bytes);
  if (described === NEED_MORE) return complete ? { status: 'unknown' } : { status: 'need-more' };
  if (!described) return { status: 'unknown' };
  return { status: 'ok', media: { ...described, kind: kindOf(described) } };
}

/** Sniffs a file: its first 64 KiB, or all of it when a PNG or GIF needs more to decide. */
export async function sniffFile(path: string): Promise<SniffedMedia | undefined> {
  const handle = await open(path, 'r');
  let head: Uint8Array;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, SNIFF_HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  let result = sniffMedia(head, head.length >= size);
  if (result.status === 'need-more') result = sniffMedia(await readFile(path), true);
  return result.status === 'ok' ? result.media : undefined;
}
