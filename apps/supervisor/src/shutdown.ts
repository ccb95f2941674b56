/**
 * What the supervisor stops on Ctrl-C or a failed start, newest first (api before Redis).
 * `requested` turns true the moment stopping is asked for, before any child is: a terminal's
 * Ctrl-C reaches every child at once, and one that exits on it must not look like a crash.
 */
export class Shutdown {
  private readonly stops: (() => Promise<void>)[] = [];
  private begun = false;
  private done: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  get requested(): boolean {
    return this.begun;
  }

  add(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  /**
   * Stops everything once `starting` (the start in progress) has settled, so a process it was
   * bringing up when Ctrl-C came is on the list too instead of outliving us. Later calls share the first.
   */
  run(starting: Promise<unknown>): Promise<void> {
    this.begun = true;
    this.done ??= starting.then(
      () => this.stopAll(),
      () => this.stopAll(),
    );
    return this.done;
  }

  private async stopAll(): Promise<void> {
    if (this.stops.length) this.log('stopping…');
    for (const stop of [...this.stops].reverse()) await stop().catch((error: unknown) => this.log(`while stopping: ${String(error)}`));
  }
}
