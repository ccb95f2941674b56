import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { PRIVATE_DIR_MODE } from '../storage/private-data';
import { findFreePort } from '../system/free-port';
import { ensureDebianExecutable } from '../system/system-packages';

export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); resolves when it has exited. */
  stop(): Promise<void>;
  /** Starts the same server again once this one has died: same binary, port and data folder. */
  launchAgain(): ChildProcess;
}

export interface StartRedisOptions {
  /** Working directory for the append-only file; omit for a throw-away in-memory server. */
  dir?: string;
  /** The port to listen on; a free one when omitted. */
  port?: number;
  log?: (line: string) => void;
}

interface Launched {
  child: ChildProcess;
  /** The last 4,000 characters it printed. */
  output(): string;
}

function launch(binary: string, args: readonly string[]): Launched {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

/**
 * Starts a private `redis-server` on a free loopback port. With `dir`, data survives restarts
 * (append-only file, fsync every second), which the queue relies on (J-10).
 */
export async function startRedisServer(options: StartRedisOptions = {}): Promise<RedisProcess> {
  const log = options.log ?? (() => undefined);
  const binary = ensureDebianExecutable('redis-server', 'redis-server', log);
  const port = options.port ?? (await findFreePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--daemonize', 'no'];
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    args.push('--dir', options.dir, '--appendonly', 'yes', '--appendfsync', 'everysec');
  } else {
    args.push('--appendonly', 'no');
  }
  const { child, output } = launch(binary, args);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  try {
    await waitForPing(port, child, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start: ${error instanceof Error ? error.message : String(error)}\n${output()}`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    child,
    launchAgain: () => launch(binary, args).child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForPing(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolveReady, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`exited with code ${child.exitCode}`));
      if (Date.now() > deadline) return reject(new Error('timed out'));
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        if (data.toString().startsWith('+PONG')) resolveReady();
        else setTimeout(attempt, 50);
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}
