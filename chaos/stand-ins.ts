import { parseExecutionLog, type ExecutionLogEntry } from '../apps/comfyui-sim/src/index';
import { findFreePort } from '@app/server/system/free-port';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForHttp } from '../apps/supervisor/src/wait-for-http';
import { track, untrack } from './live-processes';

export interface StandInSettings {
  /** The compiled stand-in (`dist/apps/comfyui-sim/src/main.js`). */
  script: string;
  /** Folder of this run; each stand-in gets `sims/b<i>/` in it. */
  dir: string;
  count: number;
  stepMs: number;
  /** Prompts containing this text fail at run time (the `failText` fault). */
  failText: string;
  /** Where the processes' own output goes. */
  log: (line: string) => void;
}

export interface Execution extends ExecutionLogEntry {
  /** Index of the stand-in that ran it. */
  backend: number;
}

interface StandIn {
  port: number;
  url: string;
  dir: string;
  child?: ChildProcess;
}

/**
 * The ComfyUI backends of a chaos run: stand-in processes the harness owns, so it can SIGKILL one
 * and start it again on the same port with its memory (queue, history) lost. Each keeps an
 * execution log across its restarts, which is how prompts that ran twice are counted.
 */
export class StandIns {
  private readonly standIns: StandIn[] = [];

  private constructor(private readonly settings: StandInSettings) {}

  static async start(settings: StandInSettings): Promise<StandIns> {
    const standIns = new StandIns(settings);
    for (let i = 0; i < settings.count; i += 1) {
      const port = await findFreePort();
      const dir = join(settings.dir, 'sims', `b${i}`);
      mkdirSync(dir, { recursive: true });
      standIns.standIns.push({ port, url: `http://127.0.0.1:${port}`, dir });
    }
    await Promise.all(standIns.standIns.map((s, i) => standIns.launch(i)));
    return standIns;
  }

  get urls(): string[] {
    return this.standIns.map((s) => s.url);
  }

  /** SIGKILL, then the same stand-in again on its port: a backend crash that loses queue and history. */
  async killAndRestart(index: number): Promise<void> {
    const standIn = this.at(index);
    const child = standIn.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    }
    await this.launch(index);
  }

  /** Every prompt start and end each stand-in logged, restarts included. */
  executions(): Execution[] {
    return this.standIns.flatMap((s, backend) => {
      const file = join(s.dir, 'executions.log');
      return existsSync(file) ? parseExecutionLog(readFileSync(file, 'utf8')).map((entry) => ({ ...entry, backend })) : [];
    });
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.standIns.map(async (s) => {
        const child = s.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }),
    );
  }

  private at(index: number): StandIn {
    const standIn = this.standIns[index];
    if (!standIn) throw new Error(`no stand-in ${index}`);
    return standIn;
  }

  private async launch(index: number): Promise<void> {
    const standIn = this.at(index);
    const { script, stepMs, failText, log } = this.settings;
    const child = spawn(process.execPath, [script], {
      env: {
        PATH: process.env.PATH,
        SIM_PORT: String(standIn.port),
        SIM_HOST: '127.0.0.1',
        SIM_DATA_DIR: join(standIn.dir, 'data'),
        SIM_STEP_MS: String(stepMs),
        SIM_FAULTS: JSON.stringify({ failText }),
        SIM_EXECUTION_LOG: join(standIn.dir, 'executions.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    standIn.child = child;
    const pid = child.pid;
    if (pid !== undefined) {
      track(pid, 'process');
      child.once('exit', () => untrack(pid));
    }
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) log(`[b${index}] ${line}`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    await waitForHttp(`${standIn.url}/system_stats`, 30_000);
  }
}
