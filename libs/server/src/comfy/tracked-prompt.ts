import type { EndedOutcome } from './history-outcome';
import type { PromptFrameEvent } from './prompt-demux';
import { TypedEmitter } from './typed-emitter';

/** How tracking a prompt ended. The promise never rejects. */
export type PromptOutcome =
  | EndedOutcome
  /** Our cancel removed it from the queue before it ran. */
  | { status: 'deleted' }
  /** The backend no longer knows it (restart, deleted by someone else, history cleared): resubmit (E-7). */
  | { status: 'lost' }
  /** We stopped tracking (untrack, client closed) before it ended; it may still run. */
  | { status: 'detached' };

export interface TrackedPromptEvents {
  /** Live frames; none arrive for a prompt reattached from another client id (polling covers it). */
  frame: [event: PromptFrameEvent];
  outcome: [outcome: PromptOutcome];
}

/** One prompt we follow on one backend: its live events and its single outcome. */
export class TrackedPrompt extends TypedEmitter<TrackedPromptEvents> {
  readonly outcome: Promise<PromptOutcome>;
  /** The server's queue number, once the POST was answered. */
  number: number | undefined;
  /** The backend has it (POST answered, or found while reconciling): polling and reconciling apply. */
  accepted = false;
  /** Its events go to another client id (reattached after a restart): poll it even while our socket is up. */
  readonly foreign: boolean;
  lastCheckedAt = 0;
  private ended: PromptOutcome | undefined;
  private resolve: (outcome: PromptOutcome) => void = () => undefined;

  constructor(
    readonly promptId: string,
    options: { foreign: boolean },
  ) {
    super();
    this.foreign = options.foreign;
    this.outcome = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  get settled(): PromptOutcome | undefined {
    return this.ended;
  }

  deliver(event: PromptFrameEvent): void {
    if (!this.ended) this.emit('frame', event);
  }

  /** The first outcome wins; later ones are ignored. */
  settle(outcome: PromptOutcome): void {
    if (this.ended) return;
    this.ended = outcome;
    this.emit('outcome', outcome);
    this.removeAllListeners();
    this.resolve(outcome);
  }
}
