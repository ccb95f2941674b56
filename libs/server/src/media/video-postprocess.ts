import type { VideoPostprocess } from '@app/shared/workflow/output-markers';
import { rename } from 'node:fs/promises';
import { removeQuietly } from '../storage/atomic-write';
import { runMediaTool } from './media-tool';
import { probeMedia } from './probe';
import { sniffFile } from './sniff';

const FFMPEG = { timeoutMs: 10 * 60_000, maxOutputBytes: 1024 };

/** Encoders for the containers ComfyUI's core savers write (SaveWEBM, SaveVideo). */
const ENCODE: Record<string, string[]> = {
  webm: ['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '32', '-deadline', 'realtime', '-cpu-used', '8', '-f', 'webm'],
  mp4: ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-f', 'mp4'],
};

/** What a CozyGen video output asked for that ComfyUI's core savers cannot do (W-20 step 4). */
export function needsPostprocess(step: VideoPostprocess): boolean {
  return step.format === 'image/gif' || step.pingpong || step.loopCount > 0;
}

/**
 * Re-makes a saved video from `source` into `target` (before it is ingested): ping-pong appends
 * the frames reversed without the first and last; a loop count plays it that many extra times (a
 * GIF stores it as its loop count, 0 = forever, as CozyGen's did); `image/gif` converts with a
 * palette made from the clip. The source is consumed only once the target is complete, so a step
 * cut off by a crash starts again from the original, never from a half-processed file.
 */
export async function postprocessVideo(source: string, target: string, step: VideoPostprocess): Promise<void> {
  const media = await sniffFile(source);
  const encode = media && (media.kind === 'video' || media.animated) ? encoderFor(media.format, step) : undefined;
  if (!media || !encode) return rename(source, target);
  const { frames } = await probeMedia(source, media);

  const chains: string[] = [];
  let input = '[0:v]';
  if (step.pingpong && frames !== null && frames > 2) {
    chains.push(`${input}split[fwd][bwd]`, `[bwd]reverse,trim=start_frame=1:end_frame=${frames - 1},setpts=PTS-STARTPTS[rev]`, '[fwd][rev]concat=n=2:v=1[pp]');
    input = '[pp]';
  }
  if (step.format === 'image/gif') chains.push(`${input}split[g][p]`, '[p]palettegen=stats_mode=diff[pal]', '[g][pal]paletteuse=dither=bayer[out]');
  else chains.push(`${input}${step.loopCount > 0 ? `loop=loop=${step.loopCount}:size=32767:start=0` : 'null'}[out]`);

  const partial = `${target}.postprocess`;
  try {
    await runMediaTool('ffmpeg', ['-y', '-i', source, '-filter_complex', chains.join(';'), '-map', '[out]', '-an', ...encode, partial], FFMPEG);
    await rename(partial, target);
  } catch (error) {
    await removeQuietly(partial);
    throw error;
  }
  await removeQuietly(source);
}

function encoderFor(format: string, step: VideoPostprocess): string[] | undefined {
  return step.format === 'image/gif' ? ['-f', 'gif', '-loop', String(step.loopCount)] : ENCODE[format];
}
