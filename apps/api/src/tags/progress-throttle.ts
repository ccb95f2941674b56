import type { TagImportProgress } from '@app/shared/contracts/api/tags';
import { rateGate } from '@app/server/system/rate-gate';

/** Reports within one phase at most every 100 ms (≤ 10/s); a new phase goes out at once (four per import). */
const PROGRESS_INTERVAL_MS = 100;

/** Wraps `send` so that loading a list in small batches does not flood the admin's sockets. */
export function throttleProgress(send: (progress: TagImportProgress) => void, now: () => number): (progress: TagImportProgress) => void {
  const mayReport = rateGate(PROGRESS_INTERVAL_MS, now);
  let lastPhase: TagImportProgress['phase'] | undefined;
  return (progress) => {
    if (!mayReport(progress.phase !== lastPhase)) return;
    lastPhase = progress.phase;
    send(progress);
  };
}
