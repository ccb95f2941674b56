import { Heap } from './heap';

/** One queued prompt, as ComfyUI's queue tuple `(number, prompt_id, prompt, extra_data, outputs, sensitive)`. */
export interface QueueItem {
  number: number;
  promptId: string;
  prompt: Record<string, Record<string, unknown>>;
  extraData: Record<string, unknown>;
  /** Output node ids that passed validation, in run order. */
  outputs: string[];
  /** Keys removed from `extra_data` before it is stored or listed. */
  sensitive: Record<string, unknown>;
}

/** The 5-element form `/queue` and history show (the sensitive part dropped). */
export function queueItemJson(item: QueueItem): [number, string, Record<string, unknown>, Record<string, unknown>, string[]] {
  return [item.number, item.promptId, item.prompt, item.extraData, item.outputs];
}

export interface Task {
  id: number;
  item: QueueItem;
}

/**
 * ComfyUI's `PromptQueue`: a heap of pending prompts ordered by `number` then id, at most one
 * running. Every change calls `onChange` (which broadcasts `status`). The running copy is taken
 * when the prompt starts, so later changes by the executor never show in `/queue` or history.
 */
export class PromptQueue {
  private readonly pending = new Heap<QueueItem>((a, b) => a.number < b.number || (a.number === b.number && a.promptId < b.promptId));
  private readonly running = new Map<number, QueueItem>();
  private readonly waiting: ((task: Task | undefined) => void)[] = [];
  private taskCounter = 0;
  private closed = false;

  constructor(private readonly onChange: () => void) {}

  put(item: QueueItem): void {
    this.pending.push(item);
    this.onChange();
    this.waiting.shift()?.(this.take());
  }

  /** The next prompt to run; resolves once one is queued, or undefined when the queue closes. */
  get(): Promise<Task | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const task = this.take();
    if (task) return Promise.resolve(task);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Ends a task: `record` writes history, then `status` goes out (the order ComfyUI uses). */
  taskDone(taskId: number, record: (item: QueueItem) => void): void {
    const item = this.running.get(taskId);
    this.running.delete(taskId);
    if (item) record(item);
    this.onChange();
  }

  remaining(): number {
    return this.pending.size + this.running.size;
  }

  pendingItems(): QueueItem[] {
    return this.pending.toArray();
  }

  runningItems(): QueueItem[] {
    return [...this.running.values()];
  }

  isRunning(promptId: string): boolean {
    return this.runningItems().some((item) => item.promptId === promptId);
  }

  /**
   * Removes the first pending prompt with this id; true if found. Like ComfyUI, removing the only
   * pending prompt wipes the queue, which broadcasts `status` a second time [obs 09].
   */
  delete(promptId: string): boolean {
    const index = this.pending.findIndex((item) => item.promptId === promptId);
    if (index < 0) return false;
    if (this.pending.size === 1) this.wipe();
    else this.pending.removeAt(index);
    this.onChange();
    return true;
  }

  wipe(): void {
    this.pending.clear();
    this.onChange();
  }

  /** Stops handing out work (server restart); a waiting `get` resolves with undefined. */
  close(): void {
    this.closed = true;
    for (const resolve of this.waiting.splice(0)) resolve(undefined);
  }

  private take(): Task | undefined {
    const item = this.pending.pop();
    if (!item) return undefined;
    const id = this.taskCounter;
    this.taskCounter += 1;
    this.running.set(id, structuredClone(item));
    this.onChange();
    return { id, item };
  }
}
