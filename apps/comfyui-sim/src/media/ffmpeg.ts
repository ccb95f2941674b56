import { spawn } from 'node:child_process';

/**
 * Encodes raw RGB24 frames with the `ffmpeg` on PATH into `outPath`; `args` carry the codec and
 * container options. Rejects with ffmpeg's own error text.
 */
export function encodeFrames(frames: readonly Buffer[], size: { width: number; height: number }, fps: number, args: readonly string[], outPath: string): Promise<void> {
  const input = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${size.width}x${size.height}`, '-r', String(fps), '-i', '-'];
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', [...input, ...args, outPath], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // EPIPE when ffmpeg quits early: its exit code and stderr report why.
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))));
    for (const frame of frames) child.stdin.write(frame);
    child.stdin.end();
  });
}

/** `-metadata key=value` pairs; mp4 needs `use_metadata_tags` to keep custom keys. */
export function metadataArgs(entries: readonly [string, string][]): string[] {
  return entries.flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}

/** libx264 and yuv420p need even sizes: pad by one pixel where needed. */
export const EVEN_SIZE = ['-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2'];
