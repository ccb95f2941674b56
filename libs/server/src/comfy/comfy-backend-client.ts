import { pino, type Logger } from 'pino';
import type { PromptGraph } from '@app/shared/comfy/protocol';
import { delay } from './backoff';
import { capabilitiesFrom, type BackendCapabilities } from './capabilities';
import { cancelPrompt, type CancelResult } from './cancel-prompt';
import { ComfyRequestError, ComfyUnreachableError, ComfyValidationError } from './comfy-errors';
import { ComfyHttp, type ComfyHttpOptions } from './comfy-http';
import { ComfySocket, type ComfySocketOptions, type SocketState, type SocketStateDetail } from './comfy-socket';
import { outcomeFromHistory } from './history-outcome';
import { PromptDemux, type PromptFrameEvent, type RoutedEvent } from './prompt-demux';
import { reconcilePrompt, type ReconcileResult } from './reconcile';
import { TrackedPrompt } from './tracked-prompt';
import { TypedEmitter } from './typed-emitter';

export interface ComfyBackendClientOptions {
  baseUrl: string;
  /** The worker's own id on this backend; two processes must never share one (COMFYUI.md §3). */
  clientId: string;
  /** A child logger carrying `backendId` (STYLE.md §3.3). */
  logger?: Logger;
  http?: ComfyHttpOptions;
  socket?: ComfySocketOptions;
  /** History polling of tracked prompts while the socket is down (E-6: 5 s). */
  pollIntervalMs?: number;
  /** Also poll each prompt this often while connected, in case its frames went elsewhere. */
  safetyPollMs?: number;
  /** History retry after a terminal frame: it can lag the frame (COMFYUI.md §3, ~2 s in 100 ms steps). */
  historyRetry?: { attempts: number; stepMs: number };
  /** How long `submit` waits for the socket, so no frame of the new prompt is dropped. */
  readyTimeoutMs?: number;
  /** How long `cancel` confirms before answering `not-yet-stopped`. */
  cancelConfirmMs?: number;
}

export interface ComfyBackendClientEvents {
  connection: [state: SocketState, detail: SocketStateDetail];
  /** A request found the backend unreachable (`error.backendGone`: refused or reset, so it is down now). */
  unreachable: [error: ComfyUnreachableError];
}

export interface SubmitPromptOptions {
  /** The job id; resubmit under the same id only after `reconcile` said `unknown`. */
  promptId: string;
  extraData?: Record<string, unknown>;
  /** Subscribed before the POST: `execution_start` can arrive before the HTTP answer. */
  onFrame?: (event: PromptFrameEvent) => void;
  signal?: AbortSignal;
}

/** What `reattach` found: like `reconcile`, with the tracker for a prompt still in the queue. */
export type ReattachResult = Exclude<ReconcileResult, { state: 'alive' }> | { state: 'alive'; position: 'running' | 'pending'; tracked: TrackedPrompt };

/**
 * Drives one ComfyUI backend: one socket under our client id, per-prompt trackers fed by it, and
 * history as the ground truth for every outcome (E-6, COMFYUI.md §7).
 */
export class ComfyBackendClient extends TypedEmitter<ComfyBackendClientEvents> {
  readonly http: ComfyHttp;
  readonly socket: ComfySocket;
  private readonly prompts = new Map<string, TrackedPrompt>();
  /** Prompts with a history read in flight: a slow backend must not pile up polls. */
  private readonly reading = new Set<TrackedPrompt>();
  private readonly demux = new PromptDemux();
  private readonly closing = new AbortController();
  private readonly logger: Logger;
  private readonly options: Required<Pick<ComfyBackendClientOptions, 'pollIntervalMs' | 'safetyPollMs' | 'historyRetry' | 'readyTimeoutMs' | 'cancelConfirmMs'>>;
  private pollTimer: NodeJS.Timeout | undefined;
  private capabilities: Promise<BackendCapabilities> | undefined;
  private wasDisconnected = false;

  constructor(readonly config: ComfyBackendClientOptions) {
    super();
    this.http = new ComfyHttp(config.baseUrl, {
      ...config.http,
      onUnreachable: (error) => {
        config.http?.onUnreachable?.(error);
        this.emit('unreachable', error);
      },
    });
    this.socket = new ComfySocket(config.baseUrl, config.clientId, config.socket);
    this.logger = config.logger ?? pino({ enabled: false });
    this.options = {
      pollIntervalMs: config.pollIntervalMs ?? 5_000,
      safetyPollMs: config.safetyPollMs ?? 60_000,
      historyRetry: config.historyRetry ?? { attempts: 20, stepMs: 100 },
      readyTimeoutMs: config.readyTimeoutMs ?? 10_000,
      cancelConfirmMs: config.cancelConfirmMs ?? 10_000,
    };
    this.socket.on('message', (message) => this.forward(this.demux.route(message)));
    this.socket.on('binary', (frame) => {
      if (frame.kind === 'invalid') this.logger.warn({ problem: frame.problem }, 'comfy binary frame dropped');
      this.forward(this.demux.routeBinary(frame));
    });
    this.socket.on('problem', (problem) => this.logger.warn({ problem }, 'comfy frame dropped'));
    this.socket.on('state', (state, detail) => this.onSocketState(state, detail));
  }

  get clientId(): string {
    return this.config.clientId;
  }

  /** Opens the socket and starts polling. */
  start(): void {
    this.socket.start();
    this.pollTimer ??= setInterval(() => this.poll(), this.options.pollIntervalMs);
  }

  /** Stops everything; prompts still tracked end as `detached` (they may still run on the backend). */
  async close(): Promise<void> {
    this.closing.abort(new ComfyUnreachableError('client closed', this.config.baseUrl));
    clearInterval(this.pollTimer);
    for (const promptId of [...this.prompts.keys()]) this.untrack(promptId);
    await this.socket.close();
  }

  /**
   * Registers the tracker, then queues the graph under `promptId` with our client id (the server
   * may send `execution_start` before it answers). Validation failures throw `ComfyValidationError`;
   * with `queuedPromptId` set, ComfyUI queued (and may already have run) the valid outputs: the
   * caller stops them (`cancel`) and decides what to do with what they made. A transient failure may
   * have queued it: reconcile before submitting again.
   */
  async submit(graph: PromptGraph, options: SubmitPromptOptions): Promise<TrackedPrompt> {
    const { promptId, extraData, onFrame, signal } = options;
    await this.waitForSocket(signal);
    if (this.prompts.has(promptId)) throw new RangeError(`prompt ${promptId} is already tracked`);
    const tracked = this.register(promptId, false);
    if (onFrame) tracked.on('frame', onFrame);
    try {
      const accepted = await this.http.submitPrompt(graph, { promptId, extraData, signal, clientId: this.clientId });
      tracked.number = accepted.number;
      tracked.accepted = true;
      return tracked;
    } catch (error) {
      this.untrack(promptId);
      throw error;
    }
  }

  /**
   * Follows a prompt the backend already has (found `alive` by `reconcile`), e.g. after a worker
   * restart. Its live frames go to the client id that queued it; when that is another (a dead
   * worker's), a socket under that id takes them over until the prompt ends (COMFYUI.md §7), and
   * history polling stays on in case the server dropped the id.
   */
  track(promptId: string, options: { clientId?: string } = {}): TrackedPrompt {
    const existing = this.prompts.get(promptId);
    if (existing) return existing;
    const foreignId = options.clientId !== undefined && options.clientId !== this.clientId ? options.clientId : undefined;
    const tracked = this.register(promptId, foreignId !== undefined);
    tracked.accepted = true;
    if (foreignId) this.borrowSocket(tracked, foreignId);
    return tracked;
  }

  /** Stops following a prompt (its outcome becomes `detached`); the backend is not told. */
  untrack(promptId: string): void {
    this.prompts.get(promptId)?.settle({ status: 'detached' });
  }

  /** COMFYUI.md §7 for one prompt: `ended`, `alive`, `unknown` (resubmit) or `unreachable` (decide nothing). */
  reconcile(promptId: string, signal?: AbortSignal): Promise<ReconcileResult> {
    return reconcilePrompt(this.http, promptId, signal);
  }

  /** `reconcile`, tracking the prompt when it is still queued: what a restarted worker calls per job (J-10). */
  async reattach(promptId: string, signal?: AbortSignal): Promise<ReattachResult> {
    const result = await this.reconcile(promptId, signal);
    if (result.state !== 'alive') return result;
    return { state: 'alive', position: result.position, tracked: this.track(promptId, { clientId: result.clientId }) };
  }

  /** Cancel in any state (J-8): delete, targeted interrupt, confirm (woken by the socket); the tracker (if any) gets the outcome. */
  async cancel(promptId: string, signal?: AbortSignal): Promise<CancelResult> {
    const { targetedInterrupt } = await this.getCapabilities({ signal });
    const tracked = this.prompts.get(promptId);
    const result = await cancelPrompt(this.http, promptId, {
      targetedInterrupt,
      confirmMs: this.options.cancelConfirmMs,
      ended: tracked?.outcome,
      signal,
    });
    if (result.state === 'ended') tracked?.settle(result.outcome);
    if (result.state === 'deleted') tracked?.settle({ status: 'deleted' });
    return result;
  }

  /** Version-dependent features (E-3), read once per connection; `refresh` reads them again. */
  getCapabilities(options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<BackendCapabilities> {
    if (options.refresh || !this.capabilities) {
      const capabilities = this.readCapabilities(options.signal);
      this.capabilities = capabilities;
      capabilities.catch(() => {
        if (this.capabilities === capabilities) this.capabilities = undefined;
      });
    }
    return this.capabilities;
  }

  private async readCapabilities(signal?: AbortSignal): Promise<BackendCapabilities> {
    const [stats, features] = await Promise.all([
      this.http.getSystemStats(signal),
      this.http.getFeatures(signal).catch((error: unknown) => {
        if (error instanceof ComfyRequestError && error.status === 404) return {};
        throw error;
      }),
    ]);
    return capabilitiesFrom(stats, features);
  }

  private register(promptId: string, foreign: boolean): TrackedPrompt {
    const tracked = new TrackedPrompt(promptId, { foreign });
    this.prompts.set(promptId, tracked);
    tracked.on('outcome', () => this.prompts.delete(promptId));
    return tracked;
  }

  /** A socket under another process's client id, feeding only this prompt, closed when it ends. */
  private borrowSocket(tracked: TrackedPrompt, clientId: string): void {
    const socket = new ComfySocket(this.config.baseUrl, clientId, this.config.socket);
    const demux = new PromptDemux();
    const forwardOwn = (routed: RoutedEvent | undefined) => {
      if (routed?.promptId === tracked.promptId) this.forward(routed);
    };
    socket.on('message', (message) => forwardOwn(demux.route(message)));
    socket.on('binary', (frame) => forwardOwn(demux.routeBinary(frame)));
    tracked.on('outcome', () => {
      socket.close().catch((error: unknown) => this.logger.debug({ err: error }, 'comfy borrowed socket close failed'));
    });
    socket.start();
  }

  private async waitForSocket(signal?: AbortSignal): Promise<void> {
    const timeout = AbortSignal.timeout(this.options.readyTimeoutMs);
    try {
      await this.socket.waitUntilReady(signal ? AbortSignal.any([signal, timeout]) : timeout);
    } catch (error) {
      if (signal?.aborted || !timeout.aborted) throw error;
      throw new ComfyUnreachableError(`socket not ready within ${this.options.readyTimeoutMs} ms`, this.config.baseUrl, { cause: error, notSent: true });
    }
  }

  private forward(routed: RoutedEvent | undefined): void {
    const tracked = routed && this.prompts.get(routed.promptId);
    if (!routed || !tracked) return;
    tracked.deliver(routed.event);
    if (routed.event.type === 'ending' || routed.event.type === 'finished') this.check(tracked, this.options.historyRetry.attempts);
  }

  private onSocketState(state: SocketState, detail: SocketStateDetail): void {
    this.emit('connection', state, detail);
    if (state === 'disconnected') {
      const level = this.wasDisconnected ? 'debug' : 'warn';
      this.logger[level]({ err: detail.error, retryInMs: detail.retryInMs }, 'comfy socket lost');
      this.wasDisconnected = true;
      this.capabilities = undefined;
    }
    if (state === 'ready' && this.wasDisconnected) {
      this.wasDisconnected = false;
      for (const tracked of this.prompts.values()) if (tracked.accepted) this.reconcileTracked(tracked);
    }
  }

  /** Frames sent while the socket was down are gone: ask the backend about every tracked prompt. */
  private reconcileTracked(tracked: TrackedPrompt): void {
    this.reconcile(tracked.promptId, this.closing.signal).then(
      (result) => {
        if (result.state === 'ended') tracked.settle(result.outcome);
        if (result.state === 'unknown') tracked.settle({ status: 'lost' });
      },
      (error: unknown) => this.logger.warn({ promptId: tracked.promptId, err: error }, 'comfy reconcile failed'),
    );
  }

  /** Every tick: all prompts while disconnected, prompts whose frames go elsewhere, and a slow safety read. */
  private poll(): void {
    const connected = this.socket.state === 'ready';
    const now = Date.now();
    for (const tracked of this.prompts.values()) {
      const due = !connected || tracked.foreign || now - tracked.lastCheckedAt >= this.options.safetyPollMs;
      if (tracked.accepted && due && !this.reading.has(tracked)) this.check(tracked, 1);
    }
  }

  /** Reads history (retrying `attempts` times) and settles the prompt when its entry exists. */
  private check(tracked: TrackedPrompt, attempts: number): void {
    tracked.lastCheckedAt = Date.now();
    this.reading.add(tracked);
    const signal = this.closing.signal;
    const read = async () => {
      for (let attempt = 0; attempt < attempts && !tracked.settled; attempt++) {
        if (attempt > 0) await delay(this.options.historyRetry.stepMs, signal);
        const entry = await this.http.getHistory(tracked.promptId, signal);
        if (entry) return tracked.settle(outcomeFromHistory(this.config.baseUrl, entry));
      }
    };
    read()
      .finally(() => this.reading.delete(tracked))
      .catch((error: unknown) => {
        if (!signal.aborted) this.logger.debug({ promptId: tracked.promptId, err: error }, 'comfy history read failed');
      });
  }
}
