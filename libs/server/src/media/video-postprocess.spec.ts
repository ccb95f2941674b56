import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeMedia } from './probe';
import { sniffFile } from './sniff';
import { runMediaTool } from './media-tool';
import { needsPostprocess, postprocessVideo } from './video-postprocess';

/** A real 10-frame WebM at 8 fps, as SaveWEBM would write it. */
async function webm(dir: string): Promise<string> {
  const path = join(dir, 'clip.part');
  await runMediaTool('ffmpeg', ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=8:duration=1.25', '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-f', 'webm', path], { timeoutMs: 60_000, maxOutputBytes: 1024 });
  return path;
}

async function facts(path: string) {
  const media = await sniffFile(path);
  if (!media) throw new Error('not media');
  return { format: media.format, animated: media.animated, ...(await probeMedia(path, media)) };
}

describe('W-20 step 4: CozyGen video options made at ingest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-video-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [{ format: 'video/webm', pingpong: false, loopCount: 0 }, false],
    [{ format: 'video/mp4', pingpong: true, loopCount: 0 }, true],
    [{ format: 'video/webm', pingpong: false, loopCount: 2 }, true],
    [{ format: 'image/gif', pingpong: false, loopCount: 0 }, true],
  ] as const)('%j needs post-processing: %s', (step, needed) => {
    expect(needsPostprocess({ nodeId: '9', frameRate: 8, ...step })).toBe(needed);
  });

  it('turns the clip into a GIF with the same frames', async () => {
    const path = await webm(dir);
    await postprocessVideo(path, join(dir, 'clip.gif'), { nodeId: '9', format: 'image/gif', frameRate: 8, loopCount: 0, pingpong: false });
    const gif = await facts(join(dir, 'clip.gif'));
    expect(gif).toMatchObject({ format: 'gif', animated: true, width: 64, height: 48, frames: 10 });
  });

  it('plays the clip forward then back without repeating the end frames (ping-pong)', async () => {
    const path = await webm(dir);
    await postprocessVideo(path, join(dir, 'clip.ready'), { nodeId: '9', format: 'video/webm', frameRate: 8, loopCount: 0, pingpong: true });
    expect(await facts(join(dir, 'clip.ready'))).toMatchObject({ format: 'webm', frames: 18 });
    // The original is consumed only once the result is complete.
    expect(await readdir(dir)).toEqual(['clip.ready']);
  });

  it('repeats the clip for a loop count', async () => {
    const path = await webm(dir);
    await postprocessVideo(path, join(dir, 'clip.ready'), { nodeId: '9', format: 'video/webm', frameRate: 8, loopCount: 2, pingpong: false });
    expect(await facts(join(dir, 'clip.ready'))).toMatchObject({ format: 'webm', frames: 30 });
  });
});
