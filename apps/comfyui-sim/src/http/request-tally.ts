/**
 * How many requests each ComfyUI route answered since the stand-in started (restarts included),
 * keyed `METHOD /route/{param}`: lets a test count what a client really sent, e.g. how often it
 * interrupted (`POST /interrupt`).
 */
export class RequestTally {
  private readonly counts = new Map<string, number>();

  add(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  count(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  all(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
