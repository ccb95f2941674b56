import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildSpec {
  name: string;
  /** Starts the process once more (the first time too, unless `watch` is handed one already running). */
  launch(): ChildProcess;
}

/** A compiled entry point run with this Node binary, printing to our terminal. */
export function nodeScript(script: string, env: NodeJS.ProcessEnv): () => ChildProcess {
  return () => spawn(process.execPath, ['--enable-source-maps', script], { env, stdio: 'inherit' });
}

const MAX_BACKOFF_MS = 30_000;
/** A child that ran this long is considered healthy again: backoff starts over. */
const STABLE_AFTER_MS = 60_000;

/**
 * Runs one process (api, worker, stand-in, Redis) and restarts it when it crashes (1 s, doubling
 * to 30 s), reporting each crash. `stop()` asks it to finish (SIGTERM) and kills it after a grace
 * period. An exit while `isShuttingDown()` (Ctrl-C reached the child before its `stop()`) is
 * expected, not a crash.
 */
export class SupervisedChild {
  private child: ChildProcess | undefined;
  private stopping = false;
  private backoffMs = 1000;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: ChildSpec,
    private readonly log: (line: string) => void,
    private readonly isShuttingDown: () => boolean,
  ) {}

  start(): void {
    this.watch(this.spec.launch());
  }

  /** Supervises a process started already (Redis, whose first start the supervisor waits for itself). */
  watch(child: ChildProcess): void {
    const startedAt = Date.now();
    this.child = child;
    child.once('exit', (code, signal) => {
      this.child = undefined;
      if (this.stopping || this.isShuttingDown()) return;
      if (Date.now() - startedAt > STABLE_AFTER_MS) this.backoffMs = 1000;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      this.log(`${this.spec.name} ${how}; restarting in ${this.backoffMs / 1000} s`);
      this.restartTimer = setTimeout(() => this.start(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(killer);
  }
}
