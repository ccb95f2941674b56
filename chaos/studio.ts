import { findFreePort } from '@app/server/system/free-port';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createConnection } from 'node:net';
import { track, untrack } from './live-processes';
import { findChild, type ProcessInfo } from './processes';
import { waitUntil } from './wait';

export interface StudioSettings {
  /** The compiled supervisor (`dist/apps/supervisor/src/main.js`), what `npm start` runs. */
  supervisor: string;
  dataDir: string;
  backends: readonly string[];
  admin: { email: string; password: string };
  logLevel: string;
  /** Every line the supervisor and its children print (JSON logs included). */
  logFile: string;
}

/** The parts of the studio a chaos run kills. */
export type StudioPart = 'api' | 'worker' | 'redis';

const MATCHERS: Record<StudioPart, (args: readonly string[]) => boolean> = {
  api: (args) => args.some((a) => a.endsWith('apps/api/src/main.js')),
  worker: (args) => args.some((a) => a.endsWith('apps/worker/src/main.js')),
  redis: (args) => (args[0] ?? '').includes('redis-server'),
};

/**
 * The studio exactly as `npm start` runs it: the compiled supervisor with its own redis-server,
 * api and worker, here on a free port, the run's data folder and the harness's stand-ins. It
 * can be stopped and started again on the same data and port (after a kill nothing recovers).
 */
export class Studio {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;

  private constructor(
    private readonly settings: StudioSettings,
    readonly port: number,
  ) {
    this.log = createWriteStream(settings.logFile, { flags: 'a' });
  }

  static async start(settings: StudioSettings): Promise<Studio> {
    const studio = new Studio(settings, await findFreePort());
    await studio.launch();
    return studio;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The running process of one part, found among the supervisor's children by its command line. */
  part(name: StudioPart): ProcessInfo | undefined {
    const pid = this.child?.pid;
    return pid === undefined ? undefined : findChild(pid, MATCHERS[name]);
  }

  /** The port of the supervisor's redis-server, from its command line (`redis-server 127.0.0.1:PORT`). */
  redisPort(): number | undefined {
    const args = this.part('redis')?.args.join(' ') ?? '';
    const port = /(?::|--port )(\d+)/.exec(args)?.[1];
    return port === undefined ? undefined : Number(port);
  }

  /** SIGKILL one part; resolves its pid, or undefined when it was not running. */
  kill(name: StudioPart): number | undefined {
    const found = this.part(name);
    if (!found) return undefined;
    process.kill(found.pid, 'SIGKILL');
    return found.pid;
  }

  async healthy(): Promise<boolean> {
    const answer = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    return answer?.status === 200;
  }

  /** Ctrl-C as a terminal sends it, then what outlived the grace period is killed. */
  async stop(): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    signalGroup(pid, 'SIGINT');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
    signalGroup(pid, 'SIGKILL');
  }

  /** Stop and start again on the same data folder and port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async close(): Promise<void> {
    await this.stop();
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  private async launch(): Promise<void> {
    const { supervisor, dataDir, backends, admin, logLevel } = this.settings;
    const child = spawn(process.execPath, [supervisor], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        COMFYUI_URLS: backends.join(','),
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        LOG_LEVEL: logLevel,
      },
    });
    this.child = child;
    const pid = child.pid;
    if (pid !== undefined) track(pid, 'group');
    let printed = '';
    const collect = (chunk: Buffer) => {
      this.log.write(chunk);
      printed = (printed + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    if (pid !== undefined) void this.exited.then(() => untrack(pid));
    let gone = false;
    void this.exited.then(() => (gone = true));
    await waitUntil('the studio to print that it runs', 120_000, () => {
      if (gone) throw new Error(`the supervisor exited before it was ready:\n${printed.slice(-3000)}`);
      return printed.includes('Cozy Studio is running');
    });
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the whole group has exited
  }
}

/** Whether a Redis server answers PING on this loopback port. */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}
