import { decode as decodeText, encode as encodeText } from 'png-chunk-text';
import { Transform } from 'node:stream';
import { crc32 } from 'node:zlib';

/**
 * PNG text chunks (J-12). Chunks are located by walking their headers and the file is
 * re-assembled from byte ranges, so image data is never copied chunk by chunk or re-checksummed
 * (png-chunks-encode does both and costs more than the thumbnails on a multi-megabyte PNG).
 */

export type PngTextEntry = readonly [keyword: string, text: string];

export class PngFormatError extends Error {
  override readonly name = 'PngFormatError';
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const TEXT_CHUNKS: ReadonlySet<string> = new Set(['tEXt', 'zTXt', 'iTXt']);

interface ChunkSpan {
  type: string;
  /** Offset of the length field. */
  start: number;
  /** Offset just after the CRC. */
  end: number;
}

function chunkSpans(png: Buffer): ChunkSpan[] {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new PngFormatError('not a PNG file');
  const spans: ChunkSpan[] = [];
  let start = SIGNATURE.length;
  while (start + 12 <= png.length) {
    const end = start + 12 + png.readUInt32BE(start);
    const type = png.toString('latin1', start + 4, start + 8);
    if (end > png.length) break;
    spans.push({ type, start, end });
    if (type === 'IEND') return spans;
    start = end;
  }
  throw new PngFormatError('PNG file is truncated');
}

/** The keyword of a tEXt/zTXt/iTXt chunk: its bytes up to the first NUL. */
function keywordOf(png: Buffer, span: ChunkSpan): string {
  const data = png.subarray(span.start + 8, span.end - 4);
  const nul = data.indexOf(0);
  return data.toString('latin1', 0, nul < 0 ? data.length : nul);
}

function encodeChunk(entry: PngTextEntry): Buffer {
  const { name, data } = encodeText(entry[0], entry[1]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(name, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

const asBuffer = (png: Uint8Array) => (Buffer.isBuffer(png) ? png : Buffer.from(png.buffer, png.byteOffset, png.byteLength));

/**
 * Adds `tEXt` chunks before the image data. Every other chunk (ComfyUI's `prompt` and
 * `workflow` included) is kept byte for byte; an earlier text chunk with one of the new
 * keywords is replaced.
 */
export function addPngText(png: Uint8Array, entries: readonly PngTextEntry[]): Buffer {
  const source = asBuffer(png);
  const spans = chunkSpans(source);
  const replaced = new Set(entries.map(([keyword]) => keyword));
  const kept = spans.filter((span) => !(TEXT_CHUNKS.has(span.type) && replaced.has(keywordOf(source, span))));
  const firstData = kept.findIndex((span) => span.type === 'IDAT');
  if (firstData < 0) throw new PngFormatError('PNG file has no image data');
  const range = (span: ChunkSpan) => source.subarray(span.start, span.end);
  return Buffer.concat([SIGNATURE, ...kept.slice(0, firstData).map(range), ...entries.map(encodeChunk), ...kept.slice(firstData).map(range)]);
}

/** The `tEXt` entries in file order. */
export function readPngText(png: Uint8Array): PngTextEntry[] {
  const source = asBuffer(png);
  return chunkSpans(source)
    .filter((span) => span.type === 'tEXt')
    .map((span) => {
      const { keyword, text } = decodeText(source.subarray(span.start + 8, span.end - 4));
      return [keyword, text] as const;
    });
}

/** The PNG without any text chunk (tEXt, zTXt, iTXt): "download without metadata" (G-10). */
export function stripPngText(png: Uint8Array): Buffer {
  const source = asBuffer(png);
  const kept = chunkSpans(source).filter((span) => !TEXT_CHUNKS.has(span.type));
  return Buffer.concat([SIGNATURE, ...kept.map((span) => source.subarray(span.start, span.end))]);
}

/**
 * `stripPngText` as a stream, for serving large files without holding them: chunk headers
 * are read as they pass, text chunks are dropped, everything else flows through unchanged.
 */
export function createPngTextStripper(): Transform {
  let signatureSeen = 0;
  let header = Buffer.alloc(0);
  let passBytes = 0;
  let skipBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let data = chunk;
      while (data.length > 0) {
        if (signatureSeen < SIGNATURE.length) {
          const take = Math.min(SIGNATURE.length - signatureSeen, data.length);
          if (!data.subarray(0, take).equals(SIGNATURE.subarray(signatureSeen, signatureSeen + take))) return done(new PngFormatError('not a PNG file'));
          this.push(data.subarray(0, take));
          signatureSeen += take;
          data = data.subarray(take);
        } else if (passBytes > 0 || skipBytes > 0) {
          const take = Math.min(passBytes || skipBytes, data.length);
          if (passBytes > 0) {
            this.push(data.subarray(0, take));
            passBytes -= take;
          } else skipBytes -= take;
          data = data.subarray(take);
        } else {
          const take = Math.min(8 - header.length, data.length);
          header = Buffer.concat([header, data.subarray(0, take)]);
          data = data.subarray(take);
          if (header.length < 8) continue;
          const rest = header.readUInt32BE(0) + 4;
          if (TEXT_CHUNKS.has(header.toString('latin1', 4, 8))) skipBytes = rest;
          else {
            this.push(header);
            passBytes = rest;
          }
          header = Buffer.alloc(0);
        }
      }
      done();
    },
    flush(done) {
      done(header.length > 0 || passBytes > 0 || skipBytes > 0 || signatureSeen < SIGNATURE.length ? new PngFormatError('PNG file is truncated') : undefined);
    },
  });
}
