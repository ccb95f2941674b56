import { delay } from './backoff';
import type { ComfyHttp } from './comfy-http';
import type { EndedOutcome } from './history-outcome';
import { reconcilePrompt } from './reconcile';

export type CancelResult =
  /** It ended: interrupted, or it finished (or failed) before the cancel reached it. */
  | { state: 'ended'; outcome: EndedOutcome }
  /** Removed from the queue before it ran; it never reaches history. */
  | { state: 'deleted' }
  /**
   * Still running: the server cannot interrupt one prompt (older than 0.3.57: discard it when it
   * ends, J-8), or the running node reports no progress and has not noticed the interrupt yet.
   */
  | { state: 'running'; reason: 'no-targeted-interrupt' | 'not-yet-stopped' };

export interface CancelOptions {
  targetedInterrupt: boolean;
  /** How long to confirm before answering `not-yet-stopped`. */
  confirmMs: number;
  stepMs: number;
  signal?: AbortSignal;
}

/**
 * Cancel in any state (COMFYUI.md §2): delete from the queue, interrupt that prompt only, then
 * confirm through history and queue. Delete and interrupt are repeated while it is still queued or
 * running, since one sent just as the executor picks the prompt up can miss it. Unreachable → the
 * transient error is thrown.
 */
export async function cancelPrompt(http: ComfyHttp, promptId: string, options: CancelOptions): Promise<CancelResult> {
  const deadline = Date.now() + options.confirmMs;
  await http.deletePending([promptId], options.signal);
  if (options.targetedInterrupt) await http.interrupt(promptId, options.signal);
  for (;;) {
    const known = await reconcilePrompt(http, promptId, options.signal);
    switch (known.state) {
      case 'unreachable':
        throw known.error;
      case 'ended':
        return known;
      case 'unknown':
        return { state: 'deleted' };
      case 'alive':
        if (known.position === 'pending') await http.deletePending([promptId], options.signal);
        else if (!options.targetedInterrupt) return { state: 'running', reason: 'no-targeted-interrupt' };
        else await http.interrupt(promptId, options.signal);
    }
    if (Date.now() >= deadline) return { state: 'running', reason: 'not-yet-stopped' };
    await delay(options.stepMs, options.signal);
  }
}
