import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Compiles the server side when its sources changed (a no-op otherwise), as `npm start` does. */
export function buildServer(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--server'], { cwd: ROOT, stdio: 'ignore' });
}

export interface RunningSupervisor {
  /** Everything printed so far, stdout and stderr, without the JSON log lines. */
  output(): string;
  /** Everything printed so far, the JSON log lines of api and worker included. */
  fullOutput(): string;
  /** Resolves once the output contains `text`; rejects if the supervisor exits first. */
  printed(text: string): Promise<void>;
  /** Ctrl-C as a terminal sends it: SIGINT to the whole process group, children included. */
  interrupt(): void;
  /** Whether any process of its group (a child it started) is still there. */
  groupAlive(): boolean;
  /** SIGKILL to whatever of its process group is still running (a failed test's clean-up). */
  kill(): void;
  /** The exit code. */
  readonly exited: Promise<number | null>;
}

/**
 * The compiled supervisor (`npm start` without the install and build steps) in a process group
 * of its own, on the test run's Redis, a fresh data folder and loopback only.
 */
export function runSupervisor(env: Record<string, string>): RunningSupervisor {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) throw new Error('TEST_REDIS_URL is not set (jest globalSetup starts Redis)');
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/supervisor/src/main.js')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cs-supervisor-')),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `sup${Math.random().toString(36).slice(2, 10)}`,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let output = '';
  let fullOutput = '';
  const waiters: (() => void)[] = [];
  const collect = (chunk: Buffer) => {
    fullOutput += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (line && !line.startsWith('{')) output += `${line}\n`;
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    if (child.pid) process.kill(-child.pid, signal);
  };
  const groupAlive = () => {
    try {
      signalGroup(0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    output: () => output,
    fullOutput: () => fullOutput,
    exited,
    printed: (text) =>
      new Promise<void>((resolvePrinted, reject) => {
        const check = () => {
          if (output.includes(text)) resolvePrinted();
        };
        waiters.push(check);
        check();
        void exited.then((code) => reject(new Error(`supervisor exited with ${code} before printing "${text}":\n${output}`)));
      }),
    interrupt: () => signalGroup('SIGINT'),
    groupAlive,
    kill: () => {
      if (groupAlive()) signalGroup('SIGKILL');
    },
  };
}
