import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { readFixtureJson } from '@test/fixtures';
import { startSim, type RunningSim } from '../index';
import { readPngTexts } from '../media/png';
import { isRecord } from '../validation/prompt-graph';
import { historyEntry, historyStatus, outputFiles, runPrompt } from '../testing/replay';

const run = promisify(execFile);

jest.setTimeout(60_000);

/** A small text-to-image graph: checkpoint → CLIPTextEncode ×2 → KSampler → VAEDecode → `output`. */
function txt2img(seed: number, text: string, output: Record<string, unknown>, latent: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: 64, height: 48, batch_size: 1 }, ...latent },
    '6': { class_type: 'CLIPTextEncode', inputs: { text, clip: ['4', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: 'blurry', clip: ['4', 1] } },
    '3': { class_type: 'KSampler', inputs: { seed, steps: 2, cfg: 7, sampler_name: 'euler', scheduler: 'normal', denoise: 1, model: ['4', 0], positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] } },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
    '9': output,
  };
}

describe('W-10 simulated generations', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSim({ stepMs: 1 });
  });
  afterAll(() => sim.stop());

  async function pixels(seed: number, text: string, prefix: string): Promise<Buffer> {
    const result = await runPrompt(sim.url, { prompt: txt2img(seed, text, { class_type: 'SaveImage', inputs: { images: ['8', 0], filename_prefix: prefix } }) });
    const [file] = outputFiles(historyEntry(result.history, result.promptId), '9');
    return sharp(join(sim.dataDir, 'output', file?.subfolder ?? '', file?.filename ?? '')).raw().toBuffer();
  }

  it('runs the plain SD1.5 fixture workflow to a 512×768 PNG with 25 sampler steps and previews', async () => {
    const prompt = readFixtureJson('workflows/plain/sd15-txt2img.json');
    const result = await runPrompt(sim.url, { prompt });
    const entry = historyEntry(result.history, result.promptId);
    expect(historyStatus(entry)).toBe('success');
    expect(outputFiles(entry, '9')).toEqual([{ filename: 'sd15-txt2img_00001_.png', subfolder: 'fixtures', type: 'output' }]);
    const file = await readFile(join(sim.dataDir, 'output', 'fixtures', 'sd15-txt2img_00001_.png'));
    const metadata = await sharp(file).metadata();
    expect([metadata.width, metadata.height, metadata.channels]).toEqual([512, 768, 3]);
    expect(JSON.parse(readPngTexts(file)[0]?.[1] ?? 'null')).toEqual(prompt);
    const steps = result.frames.filter((frame) => frame.kind === 'text' && frame.type === 'progress');
    expect(steps.map((frame) => frame.kind === 'text' && frame.data.value)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(result.frames.filter((frame) => frame.kind === 'binary')).toHaveLength(25);
  });

  it('gives identical pixels for identical inputs and different pixels for another seed or prompt', async () => {
    const first = await pixels(1, 'a red fox', 'det/a');
    const otherSeed = await pixels(2, 'a red fox', 'det/b');
    const again = await pixels(1, 'a red fox', 'det/c');
    const otherText = await pixels(1, 'a blue whale', 'det/d');
    expect(again.equals(first)).toBe(true);
    expect(otherSeed.equals(first)).toBe(false);
    expect(otherText.equals(first)).toBe(false);
  });

  it('skips sampler previews when the prompt asks for preview_method none', async () => {
    const result = await runPrompt(sim.url, { prompt: txt2img(3, 'quiet', { class_type: 'SaveImage', inputs: { images: ['8', 0], filename_prefix: 'quiet' } }), extra_data: { preview_method: 'none' } });
    expect(result.frames.filter((frame) => frame.kind === 'binary')).toHaveLength(0);
    expect(result.frames.filter((frame) => frame.kind === 'text' && frame.type === 'progress')).toHaveLength(2);
  });

  const video = { '5': { class_type: 'EmptyHunyuanLatentVideo', inputs: { width: 64, height: 48, length: 9, batch_size: 1 } } };
  it.each([
    ['SaveWEBM', { class_type: 'SaveWEBM', inputs: { images: ['8', 0], filename_prefix: 'vid/webm', codec: 'vp9', fps: 8, crf: 32 } }, 'images', /^webm_00001_\.webm$/, 'vp9'],
    ['SaveAnimatedWEBP', { class_type: 'SaveAnimatedWEBP', inputs: { images: ['8', 0], filename_prefix: 'vid/webp', fps: 8, lossless: false, quality: 80, method: 'default' } }, 'images', /^webp_00001_\.webp$/, 'webp'],
    ['SaveAnimatedPNG', { class_type: 'SaveAnimatedPNG', inputs: { images: ['8', 0], filename_prefix: 'vid/apng', fps: 8, compress_level: 4 } }, 'images', /^apng_00001_\.png$/, 'apng'],
    ['VHS_VideoCombine', { class_type: 'VHS_VideoCombine', inputs: { images: ['8', 0], frame_rate: 8, loop_count: 0, filename_prefix: 'vid/vhs', format: 'video/h264-mp4', pingpong: false, save_output: true, crf: 19 } }, 'gifs', /^vhs_00001\.mp4$/, 'h264'],
  ])('%s writes a playable animation of every frame', async (_name, saver, key, filename, codec) => {
    const result = await runPrompt(sim.url, { prompt: { ...txt2img(5, 'a moving scene', saver), ...video } });
    const entry = historyEntry(result.history, result.promptId);
    expect(historyStatus(entry)).toBe('success');
    const [file] = outputFiles(entry, '9', key);
    expect(file).toMatchObject({ filename: expect.stringMatching(filename), subfolder: 'vid', type: 'output' });
    if (key === 'images') expect(isRecord(entry) && isRecord(entry.outputs) && entry.outputs['9']).toMatchObject({ animated: [true] });
    const path = join(sim.dataDir, 'output', 'vid', file?.filename ?? '');
    if (codec === 'webp') {
      expect((await sharp(path).metadata()).pages).toBe(9);
      return;
    }
    const probe = await run('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,nb_read_frames', '-of', 'json', path]);
    expect(JSON.parse(probe.stdout)).toEqual({ programs: [], streams: [{ codec_name: codec, nb_read_frames: '9' }] });
  });

  it('runs CreateVideo → SaveVideo to an mp4 under the prefix folder', async () => {
    const graph = {
      ...txt2img(6, 'video', { class_type: 'SaveVideo', inputs: { video: ['10', 0], filename_prefix: 'vid/core', format: 'mp4', codec: 'h264' } }),
      ...video,
      '10': { class_type: 'CreateVideo', inputs: { images: ['8', 0], fps: 8 } },
    };
    const result = await runPrompt(sim.url, { prompt: graph });
    const [file] = outputFiles(historyEntry(result.history, result.promptId), '9');
    expect(file).toEqual({ filename: 'core_00001_.mp4', subfolder: 'vid', type: 'output' });
    const probe = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', join(sim.dataDir, 'output', 'vid', 'core_00001_.mp4')]);
    expect(probe.stdout.trim()).toBe('h264');
  });
});
