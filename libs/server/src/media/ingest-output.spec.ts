import { fixturePath } from '@test/fixtures';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../config/env';
import { pathExists } from '../storage/atomic-write';
import { thumbnailFile } from '../storage/paths';
import { ingestOutput, placeOutput, removePlacedOutput, UnsupportedMediaError, type IngestOutputInput } from './ingest-output';
import { readPngText } from './png-text';
import { sampleImage, tempFolder, writeSample, type SampleFormat } from './testing/sample-media';

const USER = '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b';
const CREATED = Date.UTC(2025, 0, 31, 23, 0, 0);
let sequence = 0;
const nextOutputId = () => `0190a5b2-7c3d-7e4f-8a1b-${String(++sequence).padStart(12, '0')}`;

async function filesUnder(dir: string): Promise<string[]> {
  if (!(await pathExists(dir))) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('J-11 / X-3 output ingest', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let config: AppConfig;
  let downloads: string;
  beforeAll(async () => {
    folder = await tempFolder('cs-ingest-');
    config = loadConfig({ DATA_DIR: join(folder.dir, 'data') });
    downloads = join(folder.dir, 'downloads');
    await mkdir(downloads, { recursive: true });
  });
  afterAll(() => folder.remove());

  /** Ingested in the downloads folder as its stage, then placed. */
  const ingest = (sourcePath: string, extra: Partial<IngestOutputInput> = {}) => {
    const outputId = nextOutputId();
    const result = ingestOutput({ config, stageDir: downloads, sourcePath, userId: USER, outputId, createdAt: CREATED, ...extra }).then(async (stored) => {
      await placeOutput(config, downloads, { id: outputId, userId: USER, ...stored });
      return stored;
    });
    return { outputId, result };
  };

  it('stores ComfyUI’s PNG with the lineage chunks, its hash and both thumbnails, and consumes the download', async () => {
    const source = join(downloads, 'ComfyUI_00001_.png');
    await copyFile(fixturePath('comfyui-real/01-output-sample.png'), source);
    const { outputId, result } = ingest(source, { pngText: [['cozy_job', '{"jobId":"j"}']] });
    const stored = await result;
    expect(stored).toEqual({
      kind: 'image',
      mime: 'image/png',
      ext: 'png',
      width: 64,
      height: 48,
      durationMs: null,
      frames: null,
      fps: null,
      bytes: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      relPath: `${USER}/2025/01/${outputId}.png`,
      thumbhash: expect.any(String),
    });
    const file = await readFile(join(config.paths.outputs, stored.relPath));
    expect(file.length).toBe(stored.bytes);
    expect(createHash('sha256').update(file).digest('hex')).toBe(stored.sha256);
    expect(readPngText(file).map(([keyword]) => keyword)).toEqual(['prompt', 'cozy_job']);
    expect(await pathExists(thumbnailFile(config, outputId, 256))).toBe(true);
    expect(await pathExists(thumbnailFile(config, outputId, 768))).toBe(true);
    expect(await pathExists(source)).toBe(false);
  });

  it('believes the bytes, not the name: a JPEG called .png is stored as .jpg', async () => {
    const source = join(downloads, 'liar.png');
    await writeFile(source, await sampleImage('jpeg', 400, 300));
    const { outputId, result } = ingest(source, { pngText: [['cozy_job', '{}']] });
    expect(await result).toEqual(expect.objectContaining({ kind: 'image', mime: 'image/jpeg', ext: 'jpg', width: 400, height: 300, relPath: `${USER}/2025/01/${outputId}.jpg` }));
  });

  it.each<[SampleFormat, Record<string, unknown>]>([
    ['mp4', { kind: 'video', mime: 'video/mp4', width: 320, height: 240, durationMs: 2000, frames: 20, fps: 10 }],
    ['webm', { kind: 'video', mime: 'video/webm', width: 320, height: 240, durationMs: 2000, frames: 20, fps: 10 }],
    ['apng', { kind: 'video', mime: 'image/png', width: 320, height: 240, durationMs: 2000, frames: 20, fps: 10 }],
    ['webp-anim', { kind: 'video', mime: 'image/webp', width: 160, height: 120, durationMs: 500, frames: 5, fps: 10 }],
    ['gif-anim', { kind: 'video', mime: 'image/gif', width: 160, height: 120, durationMs: 500, frames: 5, fps: 10 }],
  ])('records size, duration, frames and fps of a %s and makes its poster thumbnails', async (format, expected) => {
    const { outputId, result } = ingest(await writeSample(downloads, format));
    const stored = await result;
    expect(stored).toEqual(expect.objectContaining({ ...expected, thumbhash: expect.any(String) }));
    expect(await pathExists(thumbnailFile(config, outputId, 768))).toBe(true);
  });

  it.each<[SampleFormat, string]>([
    ['flac', 'audio/flac'],
    ['mp3', 'audio/mpeg'],
    ['opus', 'audio/ogg'],
  ])('records a %s as audio with its duration and no thumbnails', async (format, mime) => {
    const { outputId, result } = ingest(await writeSample(downloads, format));
    const stored = await result;
    expect(stored).toEqual(expect.objectContaining({ kind: 'audio', mime, width: null, height: null, frames: null, fps: null, thumbhash: null }));
    expect(Math.abs((stored.durationMs ?? 0) - 1500)).toBeLessThan(60);
    expect(await pathExists(thumbnailFile(config, outputId, 256))).toBe(false);
  });

  it.each([
    ['a text file named .png', Buffer.from('definitely not an image')],
    ['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00])],
  ])('refuses %s, keeps the download and writes nothing', async (_name, bytes) => {
    const source = join(downloads, 'bad.png');
    await writeFile(source, bytes);
    const before = [await filesUnder(config.paths.outputs), await filesUnder(config.paths.thumbs)];
    await expect(ingest(source).result).rejects.toThrow();
    expect([await filesUnder(config.paths.outputs), await filesUnder(config.paths.thumbs)]).toEqual(before);
    expect(await pathExists(source)).toBe(true);
  });

  it('names an unsupported file with its own error', async () => {
    const source = join(downloads, 'notes.txt');
    await writeFile(source, 'plain text');
    await expect(ingest(source).result).rejects.toBeInstanceOf(UnsupportedMediaError);
  });

  describe('S-25 staged, then placed', () => {
    const stagedPng = async () => {
      const stage = join(folder.dir, `stage-${++sequence}`);
      await mkdir(stage);
      const source = join(stage, 'download.png');
      await copyFile(fixturePath('comfyui-real/01-output-sample.png'), source);
      const outputId = nextOutputId();
      const stored = await ingestOutput({ config, stageDir: stage, sourcePath: source, userId: USER, outputId, createdAt: CREATED });
      return { stage, output: { id: outputId, userId: USER, ...stored } };
    };
    const finalFiles = (output: { id: string; relPath: string }) => [join(config.paths.outputs, output.relPath), thumbnailFile(config, output.id, 256), thumbnailFile(config, output.id, 768)];

    it('makes the output and its thumbnails in the stage: nothing under a final name until placed', async () => {
      const { stage, output } = await stagedPng();
      expect((await readdir(stage)).sort()).toEqual([`${output.id}-256.webp`, `${output.id}-768.webp`, `${output.id}.png`]);
      for (const file of finalFiles(output)) expect(await pathExists(file)).toBe(false);
      await placeOutput(config, stage, output);
      for (const file of finalFiles(output)) expect(await pathExists(file)).toBe(true);
      expect(await readdir(stage)).toEqual([]);
    });

    it('placing again after a crash part-way finishes the move and keeps what was moved', async () => {
      const { stage, output } = await stagedPng();
      const [outputFile] = finalFiles(output);
      // The crash came after the output file itself had been moved.
      await mkdir(join(outputFile as string, '..'), { recursive: true });
      await rename(join(stage, `${output.id}.png`), outputFile as string);
      await placeOutput(config, stage, output);
      for (const file of finalFiles(output)) expect(await pathExists(file)).toBe(true);
      await expect(placeOutput(config, stage, output)).resolves.toBeUndefined();
    });

    it('an output no row came to own is removed from its final places', async () => {
      const { stage, output } = await stagedPng();
      await placeOutput(config, stage, output);
      await removePlacedOutput(config, stage, output);
      for (const file of finalFiles(output)) expect(await pathExists(file)).toBe(false);
    });
  });
});
