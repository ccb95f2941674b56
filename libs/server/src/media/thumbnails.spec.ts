import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio, thumbHashToAverageRGBA } from 'thumbhash';
import { loadConfig, type AppConfig } from '../config/env';
import { thumbnailFile } from '../storage/paths';
import { runMediaTool } from './media-tool';
import { probeMedia } from './probe';
import { sniffFile } from './sniff';
import { gradientRgb, tempFolder, writeSample } from './testing/sample-media';
import { posterTimeMs, writeMediaThumbnails, writeStillThumbnails } from './thumbnails';

const ID = '0190a5b2-7c3d-7e4f-8a1b-00000000000a';

/** A clip that shows `first` for `switchAt` seconds, then `then` until `duration`. */
async function twoColourClip(dir: string, name: string, colours: { first: string; then: string }, switchAt: number, duration: number): Promise<string> {
  const path = join(dir, name);
  const graph = `color=${colours.first}:s=160x120:r=10:d=${switchAt}[a];color=${colours.then}:s=160x120:r=10:d=${duration - switchAt}[b];[a][b]concat=n=2:v=1:a=0`;
  await runMediaTool('ffmpeg', ['-y', '-f', 'lavfi', '-i', graph, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mp4', `file:${path}`], { timeoutMs: 60_000, maxOutputBytes: 1024 });
  return path;
}

// Read through a buffer: sharp caches decoded files by name, and these files are replaced.
async function webpSize(path: string) {
  const meta = await sharp(await readFile(path)).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

async function averageColour(path: string) {
  const { channels } = await sharp(await readFile(path)).stats();
  return channels.slice(0, 3).map((channel) => Math.round(channel.mean));
}

describe('G-5 thumbnails', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let config: AppConfig;
  beforeAll(async () => {
    folder = await tempFolder('cs-thumbs-');
    config = loadConfig({ DATA_DIR: folder.dir });
  });
  afterAll(() => folder.remove());

  it('writes WebP at 768 and 256 px on the longest side and a ThumbHash that decodes to the image', async () => {
    const png = await sharp(gradientRgb(1200, 800), { raw: { width: 1200, height: 800, channels: 3 } }).png().toBuffer();
    const hash = await writeStillThumbnails(config, ID, png);
    expect(await webpSize(thumbnailFile(config, ID, 768))).toEqual({ format: 'webp', width: 768, height: 512 });
    expect(await webpSize(thumbnailFile(config, ID, 256))).toEqual({ format: 'webp', width: 256, height: 171 });
    const bytes = Buffer.from(hash, 'base64');
    expect(thumbHashToApproximateAspectRatio(bytes)).toBeCloseTo(1.5, 0);
    const average = thumbHashToAverageRGBA(bytes);
    expect(average.b).toBeGreaterThan(0.3);
    expect(average.a).toBe(1);
  });

  it('never enlarges a small image', async () => {
    const small = await sharp(gradientRgb(200, 100), { raw: { width: 200, height: 100, channels: 3 } }).webp().toBuffer();
    await writeStillThumbnails(config, ID, small);
    expect(await webpSize(thumbnailFile(config, ID, 768))).toEqual({ format: 'webp', width: 200, height: 100 });
    expect(await webpSize(thumbnailFile(config, ID, 256))).toEqual({ format: 'webp', width: 200, height: 100 });
  });

  it('applies EXIF orientation and copes with greyscale and alpha', async () => {
    const rotated = await sharp(gradientRgb(300, 200), { raw: { width: 300, height: 200, channels: 3 } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    await writeStillThumbnails(config, ID, rotated);
    expect(await webpSize(thumbnailFile(config, ID, 768))).toEqual({ format: 'webp', width: 200, height: 300 });
    const grey = await sharp(Buffer.alloc(64 * 32, 128), { raw: { width: 64, height: 32, channels: 1 } }).png().toBuffer();
    expect(thumbHashToAverageRGBA(Buffer.from(await writeStillThumbnails(config, ID, grey), 'base64')).r).toBeCloseTo(0.5, 1);
    const clear = await sharp({ create: { width: 40, height: 40, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect(thumbHashToAverageRGBA(Buffer.from(await writeStillThumbnails(config, ID, clear), 'base64')).a).toBeLessThan(0.1);
  });

  it.each([
    [null, 0],
    [500, 50],
    [4000, 400],
    [30_000, 1000],
  ])('the poster of a %p ms video is taken at %i ms', (duration, at) => {
    expect(posterTimeMs(duration)).toBe(at);
  });

  it.each([
    ['at 10% of a short video', { first: 'red', then: 'lime' }, 0.3, 4, [0, 255, 0]],
    ['at 1 s of a long video', { first: 'blue', then: 'lime' }, 1.5, 30, [0, 0, 255]],
  ])('takes the video poster %s (real ffmpeg clip)', async (_name, colours, switchAt, duration, expected) => {
    const clip = await twoColourClip(folder.dir, `clip-${duration}.mp4`, colours, switchAt, duration);
    const media = await sniffFile(clip);
    if (!media) throw new Error('clip not recognised');
    const hash = await writeMediaThumbnails(config, ID, clip, media, await probeMedia(clip, media));
    expect(hash).toEqual(expect.any(String));
    expect(await webpSize(thumbnailFile(config, ID, 256))).toEqual({ format: 'webp', width: 160, height: 120 });
    const colour = await averageColour(thumbnailFile(config, ID, 768));
    colour.forEach((value, index) => expect(Math.abs(value - (expected[index] ?? 0))).toBeLessThan(40));
  });

  it.each(['webp-anim', 'gif-anim', 'apng'] as const)('makes a poster for a %s animation', async (format) => {
    const path = await writeSample(folder.dir, format);
    const media = await sniffFile(path);
    if (!media) throw new Error('sample not recognised');
    await writeMediaThumbnails(config, ID, path, media, await probeMedia(path, media));
    const size = await webpSize(thumbnailFile(config, ID, 256));
    expect(size.format).toBe('webp');
    expect(size.width).toBeGreaterThan(100);
  });

  it('audio has no thumbnail and no ThumbHash', async () => {
    const { dir, remove } = await tempFolder('cs-audio-');
    const audioConfig = loadConfig({ DATA_DIR: dir });
    const path = await writeSample(dir, 'flac');
    const media = await sniffFile(path);
    if (!media) throw new Error('sample not recognised');
    expect(await writeMediaThumbnails(audioConfig, ID, path, media, await probeMedia(path, media))).toBeNull();
    await expect(readdir(audioConfig.paths.thumbs)).rejects.toThrow(/ENOENT/);
    await remove();
  });
});
