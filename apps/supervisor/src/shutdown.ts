/**
 * What the supervisor stops on Ctrl-C or a failed start, newest first (api before Redis).
 * `requested` turns true the moment stopping begins, before any child is asked: a terminal's
 * Ctrl-C reaches every child at once, and one that exits on it must not look like a crash.
 */
export class Shutdown {
  private readonly stops: (() => Promise<void>)[] = [];
  private begun = false;

  constructor(private readonly log: (line: string) => void) {}

  get requested(): boolean {
    return this.begun;
  }

  add(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  /** Stops everything once; later calls return at once. */
  async run(): Promise<void> {
    if (this.begun) return;
    this.begun = true;
    if (this.stops.length) this.log('stopping…');
    for (const stop of [...this.stops].reverse()) await stop().catch((error: unknown) => this.log(`while stopping: ${String(error)}`));
  }
}
