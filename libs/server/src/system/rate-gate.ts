/**
 * Lets a call through at most once per `intervalMs` unless it is forced; every pass, forced or not,
 * restarts the wait. Counts from time 0, so with a real clock the first call passes.
 * @example const mayReport = rateGate(100, Date.now); if (mayReport(isLast)) send(progress);
 */
export function rateGate(intervalMs: number, now: () => number): (force?: boolean) => boolean {
  let last = 0;
  return (force = false) => {
    const at = now();
    if (!force && at - last < intervalMs) return false;
    last = at;
    return true;
  };
}
