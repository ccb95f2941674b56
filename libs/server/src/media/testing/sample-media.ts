import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { runMediaTool } from '../media-tool';

/** Real media files made by sharp and the Debian ffmpeg, for tests and the thumbnail bench. */

export type SampleFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'webp-anim' | 'gif-anim' | 'apng' | 'mp4' | 'mov' | 'webm' | 'flac' | 'mp3' | 'wav' | 'opus' | 'ogg';

const TOOL = { timeoutMs: 60_000, maxOutputBytes: 1024 };

/** A colourful gradient with a bright corner block, so orientation and thumbnails are checkable. */
export function gradientRgb(width: number, height: number): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const corner = x < width / 4 && y < height / 4;
      rgb[at] = corner ? 255 : Math.round((x / width) * 200);
      rgb[at + 1] = corner ? 0 : Math.round((y / height) * 200);
      rgb[at + 2] = corner ? 0 : 120;
    }
  }
  return rgb;
}

export function sampleImage(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 320, height = 200): Promise<Buffer> {
  return sharp(gradientRgb(width, height), { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

/** `frames` frames of `width`×`height`, each 100 ms. */
async function sampleAnimation(format: 'webp' | 'gif', frames: number, width = 160, height = 120): Promise<Buffer> {
  const pages = Array.from({ length: frames }, (_, index) => gradientRgb(width, height).map((value) => (value + index * 40) % 256));
  return sharp(Buffer.concat(pages), { raw: { width, height: height * frames, channels: 3, pageHeight: height } })
    .toFormat(format, { loop: 0, delay: Array.from({ length: frames }, () => 100) })
    .toBuffer();
}

const VIDEO_SOURCE = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=2'];
const AUDIO_SOURCE = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5'];
const FFMPEG_ARGS: Record<'apng' | 'mp4' | 'mov' | 'webm' | 'flac' | 'mp3' | 'wav' | 'opus' | 'ogg', string[]> = {
  apng: [...VIDEO_SOURCE, '-plays', '0', '-f', 'apng'],
  mp4: [...VIDEO_SOURCE, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mp4'],
  mov: [...VIDEO_SOURCE, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mov'],
  webm: [...VIDEO_SOURCE, '-c:v', 'libvpx', '-deadline', 'realtime', '-f', 'webm'],
  flac: [...AUDIO_SOURCE, '-f', 'flac'],
  mp3: [...AUDIO_SOURCE, '-c:a', 'libmp3lame', '-f', 'mp3'],
  wav: [...AUDIO_SOURCE, '-f', 'wav'],
  opus: [...AUDIO_SOURCE, '-c:a', 'libopus', '-f', 'ogg'],
  ogg: [...AUDIO_SOURCE, '-c:a', 'libvorbis', '-f', 'ogg'],
};

/** Writes one sample of `format` into `dir` and returns its path (the name carries no real extension). */
export async function writeSample(dir: string, format: SampleFormat, name = `sample-${format}.bin`): Promise<string> {
  const path = join(dir, name);
  if (format === 'png' || format === 'jpeg' || format === 'webp' || format === 'gif') await writeFile(path, await sampleImage(format));
  else if (format === 'webp-anim' || format === 'gif-anim') await writeFile(path, await sampleAnimation(format === 'webp-anim' ? 'webp' : 'gif', 5));
  else await runMediaTool('ffmpeg', ['-y', ...FFMPEG_ARGS[format], `file:${path}`], TOOL);
  return path;
}

/** A fresh temporary folder and its removal. */
export async function tempFolder(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
