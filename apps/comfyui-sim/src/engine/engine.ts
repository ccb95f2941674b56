import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Catalogue } from '../catalogue/catalogue';
import type { FaultSwitch } from '../faults';
import type { SimDirs } from '../storage/sim-dirs';
import { WsHub } from '../ws/ws-hub';
import type { ExecutionLog } from './execution-log';
import { ExecutionSession } from './execution-session';
import { Lifetime, LifetimeEndedError } from './lifetime';
import { OutputCache } from './output-cache';
import { PromptExecution } from './prompt-executor';
import { PromptHistory, type PromptOutcome } from './prompt-history';
import { PromptQueue, type QueueItem, type Task } from './prompt-queue';

export interface EngineOptions {
  catalogue: Catalogue;
  dirs: SimDirs;
  faults: FaultSwitch;
  stepMs: number;
  historyDelayMs: number;
  previews: boolean;
  /** `/features` body, also the socket's `feature_flags` reply. */
  features: () => unknown;
  /** Where each prompt's start and end are recorded, if anywhere. */
  executionLog?: ExecutionLog;
}

/**
 * Everything a ComfyUI process holds in memory, for one lifetime: queue, history, output cache,
 * socket registrations, the `number` counter and the single executor. A restart disposes it and
 * starts a fresh one (COMFYUI.md §1: all of it is lost).
 */
export class Engine {
  readonly hub: WsHub;
  readonly queue: PromptQueue;
  readonly history = new PromptHistory();
  readonly session = new ExecutionSession();
  private readonly cache = new OutputCache();
  private readonly lifetime = new Lifetime();
  private readonly boot = randomUUID();
  private counter = 0;
  private worker: Promise<void> = Promise.resolve();

  constructor(private readonly options: EngineOptions) {
    this.hub = new WsHub(options.features);
    this.queue = new PromptQueue(() => this.hub.broadcastStatus(this.queue.remaining()));
  }

  start(): void {
    this.worker = this.work();
  }

  /** `number` for the next parsed `POST /prompt`, accepted or not [obs 05]. */
  takeNumber(): number {
    const number = this.counter;
    this.counter += 1;
    return number;
  }

  connect(ws: WebSocket, clientId: string | undefined): void {
    const sid = this.hub.connect(ws, clientId, this.queue.remaining());
    if (this.session.clientId === sid && this.session.lastNodeId !== null) this.hub.send('executing', { node: this.session.lastNodeId }, sid);
  }

  /** With a prompt id, only that prompt if it is the one running; without, whatever runs. */
  interrupt(promptId: string | undefined): void {
    if (promptId === undefined || this.queue.isRunning(promptId)) this.session.interruptRequested = true;
  }

  /** Ends this lifetime: sockets dropped, waits cut short; resolves once the executor has let go. */
  async dispose(): Promise<void> {
    this.lifetime.end();
    this.queue.close();
    this.hub.dropAll();
    await this.worker;
  }

  private async work(): Promise<void> {
    for (let task = await this.queue.get(); task; task = await this.queue.get()) {
      const ended = await this.runTask(task);
      if (ended) return;
    }
  }

  /** Runs one prompt to its end; true when the lifetime ended meanwhile. */
  private async runTask(task: Task): Promise<boolean> {
    const dropAfter = this.options.faults.takeDropSocketAfterMs();
    if (dropAfter !== null) this.lifetime.later(dropAfter, () => this.hub.dropAll());
    const log = (event: 'start' | PromptEnd) => this.options.executionLog?.write({ at: Date.now(), boot: this.boot, promptId: task.item.promptId, event });
    log('start');
    let outcome: PromptOutcome;
    try {
      outcome = await new PromptExecution(task.item, { ...this.options, hub: this.hub, cache: this.cache, lifetime: this.lifetime, session: this.session }).run();
      await this.lifetime.sleep(this.options.historyDelayMs);
    } catch (error) {
      if (error instanceof LifetimeEndedError || this.lifetime.isEnded) return true;
      outcome = crashedOutcome(task.item, error);
    }
    log(promptEnd(outcome));
    this.queue.taskDone(task.id, (item) => this.history.record(item, outcome));
    if (this.session.clientId !== null) this.hub.send('executing', { node: null, prompt_id: task.item.promptId }, this.session.clientId);
    return false;
  }
}

type PromptEnd = 'success' | 'error' | 'interrupted';

function promptEnd(outcome: PromptOutcome): PromptEnd {
  if (outcome.success) return 'success';
  return outcome.messages.some(([type]) => type === 'execution_interrupted') ? 'interrupted' : 'error';
}

/** A stand-in bug must not wedge the queue: the prompt ends as an error like any other. */
function crashedOutcome(item: QueueItem, error: unknown): PromptOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const data = { prompt_id: item.promptId, node_id: item.outputs[0] ?? '', node_type: '', executed: [], exception_message: `${message}\n`, exception_type: 'RuntimeError', traceback: [], current_inputs: {}, current_outputs: [], timestamp: Date.now() };
  return { success: false, messages: [['execution_error', data]], outputs: {}, meta: {} };
}
