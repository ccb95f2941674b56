import type { TagImportProgress } from '@app/shared/contracts/api/tags';

/** Reports within one phase at most every 100 ms (≤ 10/s); a new phase goes out at once (four per import). */
const PROGRESS_INTERVAL_MS = 100;

/** Wraps `send` so that loading a list in small batches does not flood the admin's sockets. */
export function throttleProgress(send: (progress: TagImportProgress) => void, now: () => number): (progress: TagImportProgress) => void {
  let lastPhase: TagImportProgress['phase'] | undefined;
  let lastAt = 0;
  return (progress) => {
    const at = now();
    if (progress.phase === lastPhase && at - lastAt < PROGRESS_INTERVAL_MS) return;
    lastPhase = progress.phase;
    lastAt = at;
    send(progress);
  };
}
