/** Raised inside a running prompt when the server it belongs to has restarted or stopped. */
export class LifetimeEndedError extends Error {
  constructor() {
    super('server restarted');
  }
}

/**
 * One server process lifetime: a restart ends it, which makes pending waits and every later check
 * throw so the old executor stops without writing anything.
 */
export class Lifetime {
  private ended = false;
  private readonly timers = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();

  get isEnded(): boolean {
    return this.ended;
  }

  check(): void {
    if (this.ended) throw new LifetimeEndedError();
  }

  sleep(ms: number): Promise<void> {
    this.check();
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.timers.add(entry);
    });
  }

  /** Runs `action` after `ms` unless the lifetime ends first. */
  later(ms: number, action: () => void): void {
    this.sleep(ms).then(action, () => undefined);
  }

  end(): void {
    this.ended = true;
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.reject(new LifetimeEndedError());
    }
    this.timers.clear();
  }
}
