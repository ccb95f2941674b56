import { spawn } from 'node:child_process';

/** ffprobe/ffmpeg failed, timed out or printed more than we accept. */
export class MediaToolError extends Error {
  override readonly name = 'MediaToolError';
}

export interface MediaToolOptions {
  /** Killed (SIGKILL) after this long. */
  timeoutMs: number;
  /** stdout beyond this is an error (a poster frame or probe report is small). */
  maxOutputBytes: number;
}

/**
 * Runs a Debian media tool (`ffprobe`, `ffmpeg`) without a shell and collects its stdout.
 * Arguments are passed as an array, so file names are never interpreted.
 */
export function runMediaTool(command: 'ffprobe' | 'ffmpeg', args: readonly string[], options: MediaToolOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-hide_banner', '-loglevel', 'error', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: string | undefined;
    const stop = (reason: string) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`timed out after ${options.timeoutMs} ms`), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxOutputBytes) stop(`printed more than ${options.maxOutputBytes} bytes`);
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new MediaToolError(`${command} could not start: ${error.message}`, { cause: error }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(new MediaToolError(`${command} ${failure}`));
      else if (code !== 0) reject(new MediaToolError(`${command} exited with ${String(code)}: ${stderr.trim()}`));
      else resolve(Buffer.concat(chunks));
    });
  });
}
