import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { decode as decodeText, encode as encodeText } from 'png-chunk-text';
import sharp from 'sharp';

const KEPT_CHUNKS: ReadonlySet<string> = new Set(['IHDR', 'IDAT', 'IEND']);

/**
 * An 8-bit RGB PNG laid out as ComfyUI's SaveImage writes it: IHDR, one `tEXt` per entry of
 * `texts` (normally `prompt`, then each `extra_pnginfo` key), IDAT, IEND (COMFYUI.md §5).
 */
export async function encodePng(rgb: Buffer, width: number, height: number, texts: readonly [string, string][], compressionLevel: number): Promise<Buffer> {
  const png = await sharp(rgb, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel })
    .toBuffer();
  const chunks = extractChunks(png).filter((chunk) => KEPT_CHUNKS.has(chunk.name));
  const textChunks = texts.map(([keyword, text]) => encodeText(keyword, text));
  return Buffer.from(encodeChunks([...chunks.slice(0, 1), ...textChunks, ...chunks.slice(1)]));
}

/** The `tEXt` entries of a PNG, in file order. */
export function readPngTexts(png: Uint8Array): [string, string][] {
  return extractChunks(png)
    .filter((chunk) => chunk.name === 'tEXt')
    .map((chunk) => {
      const { keyword, text } = decodeText(chunk.data);
      return [keyword, text];
    });
}

/** Chunk names in file order, for structure checks. */
export function pngChunkNames(png: Uint8Array): string[] {
  return extractChunks(png).map((chunk) => chunk.name);
}

/** JPEG at ComfyUI's preview quality (95). */
export function encodeJpeg(rgb: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}
