import { isTransientComfyError, type ComfyError } from './comfy-errors';
import type { ComfyHttp } from './comfy-http';
import { outcomeFromHistory, type EndedOutcome } from './history-outcome';

/** What a backend knows about one of our prompts (COMFYUI.md §7). */
export type ReconcileResult =
  /** It has a history entry: ingest (success) or fail/cancel (error, interrupt). */
  | { state: 'ended'; outcome: EndedOutcome }
  /** In the queue: reattach and keep polling. `clientId` receives its live events. */
  | { state: 'alive'; position: 'running' | 'pending'; clientId: string | undefined }
  /** Neither in history nor queue, read twice: never accepted, deleted, restarted or cleared → resubmit. */
  | { state: 'unknown' }
  /** No answer: decide nothing (E-7's down timer applies). */
  | { state: 'unreachable'; error: ComfyError };

export type ReconcileHttp = Pick<ComfyHttp, 'baseUrl' | 'getHistory' | 'getQueue'>;

/**
 * History → queue → history again, so a prompt that ends between the first two reads is not taken
 * for unknown. Only transient failures become `unreachable`; anything else is thrown.
 */
export async function reconcilePrompt(http: ReconcileHttp, promptId: string, signal?: AbortSignal): Promise<ReconcileResult> {
  try {
    const ended = await http.getHistory(promptId, signal);
    if (ended) return { state: 'ended', outcome: outcomeFromHistory(http.baseUrl, ended) };
    const queue = await http.getQueue(signal);
    for (const [position, items] of [
      ['running', queue.queue_running],
      ['pending', queue.queue_pending],
    ] as const) {
      const item = items.find((queued) => queued[1] === promptId);
      if (item) return { state: 'alive', position, clientId: item[3].client_id };
    }
    const endedMeanwhile = await http.getHistory(promptId, signal);
    if (endedMeanwhile) return { state: 'ended', outcome: outcomeFromHistory(http.baseUrl, endedMeanwhile) };
    return { state: 'unknown' };
  } catch (error) {
    if (isTransientComfyError(error)) return { state: 'unreachable', error };
    throw error;
  }
}
