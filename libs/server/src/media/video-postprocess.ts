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
 * Re-makes a saved video in place (before it is ingested): ping-pong appends the frames reversed
 * without the first and last; a loop count plays it that many extra times (a GIF stores it as
 * its loop count, 0 = forever, as CozyGen's did); `image/gif` converts with a palette made from
 * the clip. The result is written beside the file and renamed over it.
 */
export async function postprocessVideo(path: string, step: VideoPostprocess): Promise<void> {
  const media = await sniffFile(path);
  if (!media || (media.kind !== 'video' && !media.animated)) return;
  const { frames } = await probeMedia(path, media);
  const gif = step.format === 'image/gif';
  const encode = gif ? ['-f', 'gif', '-loop', String(step.loopCount)] : ENCODE[media.format];
  if (!encode) return;

  const chains: string[] = [];
  let source = '[0:v]';
  if (step.pingpong && frames !== null && frames > 2) {
    chains.push(`${source}split[fwd][bwd]`, `[bwd]reverse,trim=start_frame=1:end_frame=${frames - 1},setpts=PTS-STARTPTS[rev]`, '[fwd][rev]concat=n=2:v=1[pp]');
    source = '[pp]';
  }
  if (gif) chains.push(`${source}split[g][p]`, '[p]palettegen=stats_mode=diff[pal]', '[g][pal]paletteuse=dither=bayer[out]');
  else chains.push(`${source}${step.loopCount > 0 ? `loop=loop=${step.loopCount}:size=32767:start=0` : 'null'}[out]`);

  const partial = `${path}.postprocess`;
  try {
    await runMediaTool('ffmpeg', ['-y', '-i', path, '-filter_complex', chains.join(';'), '-map', '[out]', '-an', ...encode, partial], FFMPEG);
    await rename(partial, path);
  } catch (error) {
    await removeQuietly(partial);
    throw error;
  }
}
