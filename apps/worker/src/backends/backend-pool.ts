import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ObjectInfo } from '@app/shared/comfy/object-info';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { ComfyBackendClient } from '@app/server/comfy/comfy-backend-client';
import { BackendsRepository, type BackendRecord } from '@app/server/repositories/backends.repository';
import { Clock } from '@app/server/system/clock';
import { EventEmitter, once } from 'node:events';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { afterConnectionLost, afterProbe, initialHealth, type HealthCounter } from './backend-health';
import { MODEL_FOLDERS } from './model-folders';

export const POOL_OPTIONS = Symbol('POOL_OPTIONS');

export interface PoolOptions {
  /** E-2: probe interval (10 s). */
  healthIntervalMs: number;
  /** Probe interval of a backend that is down or not yet seen (1 s), so its return is noticed at once. */
  downProbeMs: number;
  /** E-3: catalogue refresh (10 min). */
  catalogueIntervalMs: number;
}

export interface BackendHandle {
  readonly record: BackendRecord;
  readonly client: ComfyBackendClient;
  health: HealthCounter;
  /** Job ids holding one of its slots (E-1: our prompts it may hold at once). */
  readonly active: Set<string>;
  idleSince: number;
  downSince: number | undefined;
  objectInfo: ObjectInfo | undefined;
  catalogueAt: number;
}

export interface Lease {
  readonly backend: BackendHandle;
  release(): void;
}

/**
 * The ComfyUI backends this worker drives: one client (socket + HTTP) each under a client id of
 * this process, health probes (E-2), stored catalogues (E-3) and slots (E-1). Jobs lease a slot on
 * the eligible backend with the fewest of our jobs, ties to the longest idle (E-5).
 */
@Injectable()
export class BackendPool extends EventEmitter<{ change: [] }> implements OnModuleInit, OnApplicationShutdown {
  private readonly handles = new Map<string, BackendHandle>();
  private timer: NodeJS.Timeout | undefined;
  private readonly probing = new Set<BackendHandle>();
  private readonly probedAt = new Map<BackendHandle, number>();
  private readonly instance = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(POOL_OPTIONS) private readonly options: PoolOptions,
    private readonly backends: BackendsRepository,
    private readonly clock: Clock,
    @InjectPinoLogger(BackendPool.name) private readonly logger: PinoLogger,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    const records = await this.backends.ensureConfigured(this.config.comfyuiUrls, this.clock.now());
    for (const record of records.filter((r) => r.enabled)) {
      const client = new ComfyBackendClient({ baseUrl: record.url, clientId: `studio-${this.instance}`, logger: this.logger.logger.child({ backendId: record.id }) });
      const handle: BackendHandle = { record, client, health: initialHealth(), active: new Set(), idleSince: this.clock.now(), downSince: undefined, objectInfo: undefined, catalogueAt: 0 };
      this.watchConnection(handle);
      client.start();
      this.handles.set(record.id, handle);
    }
    await Promise.all(this.all().map((handle) => this.probe(handle)));
    this.timer = setInterval(() => void this.probeDue(), Math.min(this.options.healthIntervalMs, this.options.downProbeMs));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.handles.values()].map((h) => h.client.close()));
  }

  get(backendId: string): BackendHandle | undefined {
    return this.handles.get(backendId);
  }

  all(): BackendHandle[] {
    return [...this.handles.values()];
  }

  /** Slots on backends that are up: how many jobs this worker runs at once. */
  freeCapacity(): number {
    return this.all()
      .filter((h) => h.health.state === 'up')
      .reduce((sum, h) => sum + h.record.slots, 0);
  }

  /**
   * Waits for a slot on a backend that is up and `fits` the job (its catalogue has what the
   * job needs). Rejects with the signal's reason when aborted.
   */
  async acquire(jobId: string, fits: (backend: BackendHandle) => boolean, signal: AbortSignal): Promise<Lease> {
    for (;;) {
      signal.throwIfAborted();
      const candidates = this.all()
        .filter((h) => h.health.state === 'up' && h.active.size < h.record.slots && fits(h))
        .sort((a, b) => a.active.size - b.active.size || a.idleSince - b.idleSince);
      const chosen = candidates[0];
      if (chosen) return this.hold(chosen, jobId);
      await once(this, 'change', { signal });
    }
  }

  /** A slot on a known backend, taken without waiting (reattaching to a prompt it already holds). */
  hold(backend: BackendHandle, jobId: string): Lease {
    backend.active.add(jobId);
    let released = false;
    return {
      backend,
      release: () => {
        if (released) return;
        released = true;
        backend.active.delete(jobId);
        if (backend.active.size === 0) backend.idleSince = this.clock.now();
        this.emit('change');
      },
    };
  }

  /**
   * E-2 without waiting for three failed probes: the backend closed our socket, or refused or
   * reset a request, so jobs stop going to it now. The probes bring it back (2 good ones).
   */
  markDown(handle: BackendHandle, reason: Error): void {
    const before = handle.health.state;
    handle.health = afterConnectionLost(handle.health);
    handle.downSince ??= this.clock.now();
    if (before !== 'down') {
      this.logger.warn({ backendId: handle.record.id, from: before, problem: reason.message }, 'backend lost');
      this.backends.setHealth(handle.record.id, { state: 'down', lastError: reason.message }, this.clock.now()).catch((error: unknown) => {
        this.logger.warn({ backendId: handle.record.id, err: error }, 'backend health not stored');
      });
    }
    this.emit('change');
  }

  /** A closed socket or a refused request marks the backend down; its socket coming back asks for a probe at once. */
  private watchConnection(handle: BackendHandle): void {
    handle.client.on('connection', (state, detail) => {
      if (state === 'disconnected') this.markDown(handle, detail.error ?? new Error('socket closed'));
      if (state === 'ready') void this.probe(handle);
    });
    handle.client.on('unreachable', (error) => {
      if (error.backendGone) this.markDown(handle, error);
    });
  }

  /** A backend that is up every `healthIntervalMs`; one that is not, every `downProbeMs`. */
  private async probeDue(): Promise<void> {
    const now = this.clock.now();
    const due = this.all().filter((handle) => now - (this.probedAt.get(handle) ?? 0) >= (handle.health.state === 'up' ? this.options.healthIntervalMs : this.options.downProbeMs));
    await Promise.all(due.map((handle) => this.probe(handle)));
  }

  /** One probe per backend at a time: the timer and a returning socket can ask together. */
  private async probe(handle: BackendHandle): Promise<void> {
    if (this.probing.has(handle)) return;
    this.probing.add(handle);
    this.probedAt.set(handle, this.clock.now());
    try {
      await this.probeOnce(handle);
    } finally {
      this.probing.delete(handle);
    }
  }

  private async probeOnce(handle: BackendHandle): Promise<void> {
    let version: string | undefined;
    let problem: string | null = null;
    try {
      const stats = await handle.client.http.getSystemStats();
      version = stats.system.comfyui_version;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    // It answers again: our socket need not wait out its reconnect backoff to hear about our prompts.
    if (problem === null) handle.client.socket.reconnectNow();
    const before = handle.health.state;
    handle.health = afterProbe(handle.health, problem === null);
    const after = handle.health.state;
    const now = this.clock.now();
    if (after === 'down') handle.downSince ??= now;
    else handle.downSince = undefined;
    // W-14: a backend that comes back may have new models or input files; otherwise every 10 minutes.
    // Stored before the new state, so whoever sees it up also sees its catalogue.
    if (after === 'up' && (before !== 'up' || handle.objectInfo === undefined || now - handle.catalogueAt > this.options.catalogueIntervalMs)) {
      await this.refreshCatalogue(handle).catch((error: unknown) => {
        this.logger.warn({ backendId: handle.record.id, err: error }, 'catalogue refresh failed');
      });
    }
    // A connection lost meanwhile has already marked (and stored) it down.
    if (after !== before && handle.health.state === after) {
      this.logger.info({ backendId: handle.record.id, from: before, to: after, problem }, 'backend health changed');
      await this.backends.setHealth(handle.record.id, { state: after, comfyuiVersion: version, lastError: problem }, now);
    }
    this.emit('change');
  }

  /** E-3: the node catalogue and model folders, kept in memory for compiling and stored for the api's forms. */
  async refreshCatalogue(handle: BackendHandle): Promise<void> {
    const { objectInfo } = await handle.client.http.getObjectInfo({ refresh: true });
    const models: Record<string, string[]> = {};
    for (const folder of MODEL_FOLDERS) {
      const names = await handle.client.http.listModels(folder).catch(() => undefined);
      if (names && names.length > 0) models[folder] = names;
    }
    handle.objectInfo = objectInfo;
    handle.catalogueAt = this.clock.now();
    await this.backends.setCatalogue(handle.record.id, objectInfo, models, handle.catalogueAt);
  }
}
