/**
 * Processes the harness started that must not outlive it: the studio runs in a process group of
 * its own (so a terminal's Ctrl-C does not reach it), so the harness ends it itself when it is
 * interrupted, and ends the stand-ins with it.
 */
const live = new Map<number, 'group' | 'process'>();

export function track(pid: number, kind: 'group' | 'process'): void {
  live.set(pid, kind);
}

export function untrack(pid: number): void {
  live.delete(pid);
}

/** SIGKILL to everything still tracked (an interrupted run's clean-up). */
export function killTracked(): void {
  for (const [pid, kind] of live) {
    try {
      process.kill(kind === 'group' ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
