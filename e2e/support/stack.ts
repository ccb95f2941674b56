import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Relative: jest loads global setup modules without its moduleNameMapper.
import { findFreePort } from '../../libs/server/src/system/free-port';

const ROOT = resolve(__dirname, '../..');
const SUPERVISOR = join(ROOT, 'dist/apps/supervisor/src/main.js');

export interface Stack {
  url: string;
  dataDir: string;
  /** Everything the supervisor printed so far (its own lines, not the JSON logs). */
  output(): string;
  /** Ctrl-C, then wait for a clean exit; resolves the exit code. */
  stop(): Promise<number | null>;
  /** Milliseconds from spawn to "running". */
  startupMs: number;
}

/**
 * The whole system as `npm start` runs it (the compiled supervisor: its own redis-server,
 * the ComfyUI stand-in, api and worker), on a free port and a data folder of the test's.
 */
export async function startStack(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Stack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cs-e2e-'));
  const port = await findFreePort();
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [SUPERVISOR], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line && !line.startsWith('{')) output += `${line}\n`;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start in 90 s:\n${output}`)), 90_000);
    const poll = setInterval(() => {
      if (output.includes('Cozy Studio is running')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolveReady();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`supervisor exited with ${code} before it was ready:\n${output}`));
    });
  });
  const startupMs = Date.now() - started;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    startupMs,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
