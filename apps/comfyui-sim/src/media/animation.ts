import sharp from 'sharp';
import { EVEN_SIZE, encodeFrames, metadataArgs } from './ffmpeg';

export type AnimationFormat = 'mp4' | 'webm-vp9' | 'webm-av1' | 'gif' | 'apng' | 'webp';

export interface AnimationOptions {
  format: AnimationFormat;
  fps: number;
  /** Encoder quality: crf for video, quality for WebP. */
  quality?: number;
  lossless?: boolean;
  /** Animated GIF/WebP repeat count; 0 = forever. */
  loop?: number;
  /** Container metadata (video) or EXIF (WebP) entries. */
  metadata: readonly [string, string][];
}

/** Writes RGB24 frames of one size as a real, playable animated file. */
export async function writeAnimation(frames: readonly Buffer[], size: { width: number; height: number }, options: AnimationOptions, outPath: string): Promise<void> {
  if (options.format === 'webp') {
    await writeAnimatedWebp(frames, size, options, outPath);
    return;
  }
  await encodeFrames(frames, size, options.fps, ffmpegArgs(options), outPath);
}

function ffmpegArgs(options: AnimationOptions): string[] {
  const crf = String(options.quality ?? 23);
  switch (options.format) {
    case 'mp4':
      return ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-crf', crf, ...EVEN_SIZE, '-movflags', '+use_metadata_tags', ...metadataArgs(options.metadata)];
    case 'webm-vp9':
      return ['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p', '-crf', crf, '-b:v', '0', '-deadline', 'realtime', ...EVEN_SIZE, ...metadataArgs(options.metadata)];
    case 'webm-av1':
      return ['-c:v', 'libsvtav1', '-pix_fmt', 'yuv420p10le', '-crf', crf, '-preset', '12', ...EVEN_SIZE, ...metadataArgs(options.metadata)];
    case 'gif':
      return ['-f', 'gif', '-loop', String(options.loop ?? 0)];
    default:
      return ['-f', 'apng', '-plays', String(options.loop ?? 0)];
  }
}

/** SaveAnimatedWEBP puts `prompt:<json>` in EXIF Model and `<key>:<json>` in Make [src]. */
async function writeAnimatedWebp(frames: readonly Buffer[], size: { width: number; height: number }, options: AnimationOptions, outPath: string): Promise<void> {
  const exif: Record<string, string> = {};
  for (const [key, value] of options.metadata) exif[key === 'prompt' ? 'Model' : 'Make'] = `${key}:${value}`;
  await sharp(Buffer.concat(frames), { raw: { width: size.width, height: size.height * frames.length, channels: 3, pageHeight: size.height } })
    .webp({ quality: options.quality ?? 80, lossless: options.lossless ?? false, loop: options.loop ?? 0, delay: Math.round(1000 / options.fps) })
    .withExif({ IFD0: exif })
    .toFile(outPath);
}
