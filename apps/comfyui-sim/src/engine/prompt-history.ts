import { queueItemJson, type QueueItem } from './prompt-queue';

/** ComfyUI keeps at most this many entries, dropping the oldest [src]. */
const MAXIMUM_HISTORY_SIZE = 10000;

export type HistoryMessage = [string, Record<string, unknown>];

export interface PromptOutcome {
  success: boolean;
  messages: HistoryMessage[];
  /** UI outputs by node id; only nodes that finished with UI output. */
  outputs: Record<string, unknown>;
  meta: Record<string, unknown>;
}

export interface HistoryEntry {
  prompt: unknown[];
  outputs: Record<string, unknown>;
  status: { status_str: 'success' | 'error'; completed: boolean; messages: HistoryMessage[] };
  meta: Record<string, unknown>;
}

/**
 * Ended prompts, oldest first. Re-using a `prompt_id` replaces its entry in place (a Python dict
 * keeps the key's position), which matters for `?max_items`.
 */
export class PromptHistory {
  private readonly entries = new Map<string, HistoryEntry>();

  record(item: QueueItem, outcome: PromptOutcome): void {
    if (this.entries.size > MAXIMUM_HISTORY_SIZE) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(item.promptId, {
      prompt: queueItemJson(item),
      outputs: outcome.outputs,
      status: { status_str: outcome.success ? 'success' : 'error', completed: outcome.success, messages: outcome.messages },
      meta: outcome.meta,
    });
  }

  /** `GET /history/{id}`: `{}` for an unknown id, never 404. */
  one(promptId: string): Record<string, HistoryEntry> {
    const entry = this.entries.get(promptId);
    return entry ? { [promptId]: structuredClone(entry) } : {};
  }

  /** `GET /history?max_items=N&offset=M`: with no offset, the last N entries, oldest first. */
  list(maxItems: number | undefined, offset: number): Record<string, HistoryEntry> {
    const start = offset < 0 && maxItems !== undefined ? this.entries.size - maxItems : offset;
    const out: Record<string, HistoryEntry> = {};
    let index = 0;
    for (const [id, entry] of this.entries) {
      if (index >= start) {
        out[id] = entry;
        if (maxItems !== undefined && Object.keys(out).length >= maxItems) break;
      }
      index += 1;
    }
    return out;
  }

  delete(promptId: string): void {
    this.entries.delete(promptId);
  }

  clear(): void {
    this.entries.clear();
  }
}
