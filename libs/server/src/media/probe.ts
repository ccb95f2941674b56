import sharp from 'sharp';
import { z } from 'zod';
import { runMediaTool } from './media-tool';
import type { SniffedMedia } from './sniff';

/** J-11 per-output facts; null where they do not apply (no size for audio, no frames for stills). */
export interface MediaProbe {
  width: number | null;
  height: number | null;
  durationMs: number | null;
  frames: number | null;
  fps: number | null;
}

export const FFPROBE_TIMEOUT_MS = 30_000;

/** Pixel limit for decoding outputs: sharp's own default (0x3FFF²). */
export const OUTPUT_PIXEL_LIMIT = 0x3fff * 0x3fff;

const numeric = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => (value === undefined || value === '' || value === 'N/A' ? undefined : Number(value)))
  .pipe(z.number().finite().optional());

const ffprobeSchema = z.object({
  streams: z
    .array(
      z.object({
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
        avg_frame_rate: z.string().optional(),
        r_frame_rate: z.string().optional(),
        nb_frames: numeric,
        nb_read_packets: numeric,
        duration: numeric,
      }),
    )
    .default([]),
  format: z.object({ duration: numeric }).default({ duration: undefined }),
});

/** `"30000/1001"` → 29.97; `"0/0"` → undefined. */
function parseRate(rate: string | undefined): number | undefined {
  const [num, den] = (rate ?? '').split('/').map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return undefined;
  return num / den;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Video and audio facts from ffprobe (packets counted, so WebM without frame counts works too). */
async function probeWithFfprobe(path: string, wantVideo: boolean): Promise<MediaProbe> {
  const args = wantVideo
    ? ['-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames,nb_read_packets,duration:format=duration']
    : ['-show_entries', 'format=duration'];
  const out = await runMediaTool('ffprobe', [...args, '-of', 'json', `file:${path}`], { timeoutMs: FFPROBE_TIMEOUT_MS, maxOutputBytes: 64 * 1024 });
  const report = ffprobeSchema.parse(JSON.parse(out.toString('utf8')));
  const stream = report.streams[0];
  const fps = parseRate(stream?.avg_frame_rate) ?? parseRate(stream?.r_frame_rate);
  const frames = stream?.nb_read_packets ?? stream?.nb_frames;
  const seconds = report.format.duration ?? stream?.duration ?? (frames && fps ? frames / fps : undefined);
  if (wantVideo && (!stream?.width || !stream.height)) throw new Error('ffprobe found no video stream');
  return {
    width: stream?.width ?? null,
    height: stream?.height ?? null,
    durationMs: seconds === undefined ? null : Math.round(seconds * 1000),
    frames: wantVideo && frames ? frames : null,
    fps: wantVideo && fps ? round2(fps) : null,
  };
}

/** Stills and libvips-readable animations (GIF, WebP): size, frames and per-frame delays from the header. */
async function probeWithSharp(input: string | Buffer, animated: boolean): Promise<MediaProbe> {
  const meta = await sharp(input, { limitInputPixels: OUTPUT_PIXEL_LIMIT }).metadata();
  if (!animated) return { width: meta.autoOrient.width, height: meta.autoOrient.height, durationMs: null, frames: null, fps: null };
  const frames = meta.pages ?? 1;
  const durationMs = (meta.delay ?? []).reduce((sum, delay) => sum + delay, 0);
  return {
    width: meta.width,
    height: meta.pageHeight ?? meta.height,
    durationMs: durationMs > 0 ? durationMs : null,
    frames,
    fps: durationMs > 0 ? round2(frames / (durationMs / 1000)) : null,
  };
}

/**
 * Width, height, duration, frames and fps. GIF and WebP animations are read by sharp (ffmpeg
 * cannot decode animated WebP); videos and APNG by ffprobe; audio durations by ffprobe.
 * `input` may be the file's bytes when they are already in memory (images only).
 */
export function probeMedia(path: string, media: SniffedMedia, input: string | Buffer = path): Promise<MediaProbe> {
  if (media.kind === 'audio') return probeWithFfprobe(path, false);
  if (media.format === 'gif' || media.format === 'webp' || !media.animated) return probeWithSharp(input, media.animated);
  return probeWithFfprobe(path, true);
}
