import { fixturePath } from '@test/fixtures';
import extractChunks from 'png-chunks-extract';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { cozygenPromptRaw, lineagePngText } from './png-lineage';
import { addPngText, createPngTextStripper, PngFormatError, readPngText, stripPngText } from './png-text';

const comfyPng = readFileSync(fixturePath('comfyui-real/01-output-sample.png'));
const chunkNames = (png: Uint8Array) => extractChunks(png).map((chunk) => chunk.name);

const job = { jobId: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b', workflow: { id: 'wf', name: 'Portrait — café', version: 3 }, values: { prompt: '$hero in 東京', seed: 42 }, seed: 42 };
const inputs = [
  { nodeId: '6', input: 'text', raw: '$hero in 東京, __weather__', expanded: 'a knight in 東京, rain' },
  { nodeId: '7', input: 'text', raw: 'blurry', expanded: 'blurry' },
];

async function stripStreaming(png: Buffer, pieceSize: number): Promise<Buffer> {
  const pieces = Array.from({ length: Math.ceil(png.length / pieceSize) }, (_, i) => png.subarray(i * pieceSize, (i + 1) * pieceSize));
  const stripper = createPngTextStripper();
  const [out] = await Promise.all([buffer(stripper), pipeline(Readable.from(pieces), stripper)]);
  return out;
}

describe('J-12 PNG lineage chunks', () => {
  const lineage = lineagePngText({ inputs, job });
  const withLineage = addPngText(comfyPng, lineage);

  it('keeps ComfyUI’s prompt chunk and adds cozygen_prompt_raw and cozy_job before the image data, with valid CRCs', () => {
    expect(chunkNames(withLineage)).toEqual(['IHDR', 'tEXt', 'tEXt', 'tEXt', 'IDAT', 'IEND']);
    const texts = readPngText(withLineage);
    expect(texts.map(([keyword]) => keyword)).toEqual(['prompt', 'cozygen_prompt_raw', 'cozy_job']);
    expect(texts[0]).toEqual(readPngText(comfyPng)[0]);
  });

  it('writes CozyGen’s {"<nodeId>:<input>": raw} for the inputs whose text was expanded, as ASCII JSON', () => {
    const texts = new Map(readPngText(withLineage));
    const raw = texts.get('cozygen_prompt_raw') ?? '';
    expect(raw).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(raw)).toEqual({ '6:text': '$hero in 東京, __weather__' });
    expect(JSON.parse(texts.get('cozy_job') ?? '')).toEqual(job);
  });

  it('leaves cozygen_prompt_raw out when no text was expanded', () => {
    expect(cozygenPromptRaw([inputs[1]!])).toEqual({});
    expect(lineagePngText({ inputs: [inputs[1]!], job }).map(([keyword]) => keyword)).toEqual(['cozy_job']);
  });

  it('replaces an earlier chunk with the same keyword instead of adding a second', () => {
    const twice = addPngText(withLineage, [['cozy_job', '{"again":true}']]);
    expect(readPngText(twice).filter(([keyword]) => keyword === 'cozy_job')).toEqual([['cozy_job', '{"again":true}']]);
  });

  it('the image itself is unchanged', async () => {
    const [before, after] = await Promise.all([sharp(comfyPng).raw().toBuffer(), sharp(withLineage).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true);
  });
});

describe('G-10 download without metadata', () => {
  const withLineage = addPngText(comfyPng, [['cozy_job', '{}'], ['workflow', '{"nodes":[]}']]);

  it('removes every text chunk and keeps the image byte for byte', () => {
    const clean = stripPngText(withLineage);
    expect(chunkNames(clean)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(readPngText(clean)).toEqual([]);
    const idat = (png: Uint8Array) => extractChunks(png).find((chunk) => chunk.name === 'IDAT')?.data;
    expect(idat(clean)).toEqual(idat(comfyPng));
  });

  it.each([1, 7, 64, 100_000])('streams the same result in pieces of %i bytes', async (size) => {
    expect((await stripStreaming(withLineage, size)).equals(stripPngText(withLineage))).toBe(true);
  });

  it('refuses what is not a complete PNG', async () => {
    expect(() => stripPngText(Buffer.from('not a png'))).toThrow(PngFormatError);
    expect(() => addPngText(comfyPng.subarray(0, 60), [['a', 'b']])).toThrow(/truncated/);
    await expect(stripStreaming(Buffer.from('GIF89a……'), 4)).rejects.toThrow(/not a PNG/);
    await expect(stripStreaming(comfyPng.subarray(0, comfyPng.length - 3), 16)).rejects.toThrow(/truncated/);
  });
});
