import { backoffDelay, delay, type BackoffPolicy } from './backoff';
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

/** Confirmation waits, and re-sends after each that found it still there: 1 s, 2 s, 4 s, 4 s … */
const CANCEL_RESEND: BackoffPolicy = { initialMs: 1_000, maxMs: 4_000 };

export interface CancelOptions {
  targetedInterrupt: boolean;
  /** How long to confirm before answering `not-yet-stopped`. */
  confirmMs: number;
  /** Settles when the socket reports the prompt's end: confirm then instead of at the next wait's end. */
  ended?: Promise<unknown>;
  signal?: AbortSignal;
}

/**
 * Cancel in any state (COMFYUI.md §2): delete from the queue and interrupt that prompt only, once;
 * then confirm through history and queue, right away and after each wait (or as soon as the socket
 * says it ended). ComfyUI keeps an interrupt until the running node next checks for it (its next
 * step, or its end for a node without steps), so a repeat is only for one that missed: sent just
 * as the executor took the prompt up. Delete or interrupt are therefore re-sent only after a wait
 * that found the prompt still queued or running, with the waits growing. Unreachable → the
 * transient error is thrown.
 */
export async function cancelPrompt(http: ComfyHttp, promptId: string, options: CancelOptions): Promise<CancelResult> {
  const deadline = Date.now() + options.confirmMs;
  await http.deletePending([promptId], options.signal);
  if (options.targetedInterrupt) await http.interrupt(promptId, options.signal);
  for (let round = 0; ; round++) {
    const known = await reconcilePrompt(http, promptId, options.signal);
    switch (known.state) {
      case 'unreachable':
        throw known.error;
      case 'ended':
        return known;
      case 'unknown':
        return { state: 'deleted' };
      case 'alive': {
        if (known.position === 'running' && !options.targetedInterrupt) return { state: 'running', reason: 'no-targeted-interrupt' };
        const wait = Math.min(backoffDelay(round, CANCEL_RESEND), deadline - Date.now());
        if (wait <= 0) return { state: 'running', reason: 'not-yet-stopped' };
        if (round > 0 && known.position === 'pending') await http.deletePending([promptId], options.signal);
        if (round > 0 && known.position === 'running') await http.interrupt(promptId, options.signal);
        await Promise.race([delay(wait, options.signal), options.ended]);
      }
    }
  }
}
