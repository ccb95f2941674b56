import type { PromptOutcome, TrackedPrompt } from '@app/server/comfy/tracked-prompt';
import type { Clock } from '@app/server/system/clock';
import type { BackendHandle } from '../backends/backend-pool';

export interface WatchLimits {
  /** E-7: a backend down this long hands its jobs back to the queue (120 s). */
  downLimitMs: number;
  /** J-10: a job running longer is interrupted and failed (2 h). */
  timeLimitMs: number;
}

export const DEFAULT_WATCH_LIMITS: WatchLimits = { downLimitMs: 120_000, timeLimitMs: 2 * 3600_000 };

export class BackendDownError extends Error {
  override readonly name = 'BackendDownError';
}

export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
}

/** Waits for a prompt's outcome while watching its backend's health, the time limit and the abort signal. */
export function watchRun(tracked: TrackedPrompt, backend: BackendHandle, clock: Clock, signal: AbortSignal, limits: WatchLimits = DEFAULT_WATCH_LIMITS): Promise<PromptOutcome> {
  return new Promise<PromptOutcome>((resolve, reject) => {
    const started = clock.now();
    const check = setInterval(() => {
      const now = clock.now();
      if (backend.downSince !== undefined && now - backend.downSince > limits.downLimitMs) finish(() => reject(new BackendDownError(`backend ${backend.record.name} has been down for ${Math.round(limits.downLimitMs / 1000)} s`)));
      else if (now - started > limits.timeLimitMs) finish(() => reject(new TimeLimitError(`the job ran longer than ${Math.round(limits.timeLimitMs / 60_000)} minutes`)));
    }, 1000);
    const onAbort = () => finish(() => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted')));
    function finish(settle: () => void): void {
      clearInterval(check);
      signal.removeEventListener('abort', onAbort);
      settle();
    }
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void tracked.outcome.then((outcome) => finish(() => resolve(outcome)));
  });
}
