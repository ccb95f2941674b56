import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { jobEventSchemas, type LiveJobEventName, type SocketEventPayload } from '@app/shared/contracts/socket-events';
import { randomUUID } from 'node:crypto';
import { Clock } from '../system/clock';
import { isJobEventName, JobEventsBus, type DeliveredEvent } from './job-events';
import { JobEventOutbox, type OutboxRow } from './job-event-outbox';

export interface RelayOptions {
  /** How often leftovers are looked for. */
  intervalMs: number;
  /** A row younger than this belongs to its writer, which publishes it right after its commit. */
  graceMs: number;
  /** How long a claim holds; a relay that died mid-way frees its rows after this. */
  leaseMs: number;
}

export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');
const DEFAULTS: RelayOptions = { intervalMs: 1000, graceMs: 1000, leaseMs: 10_000 };
/** Jobs taken per look for leftovers. */
const LEFTOVER_BATCH = 200;
/** At shutdown, how long a pass may still take (a publish waits for Redis while it is down). */
const SHUTDOWN_WAIT_MS = 2000;
/** Jobs whose latest seq is remembered; the oldest is forgotten first (an api never sees most jobs end). */
const REMEMBERED_JOBS = 5000;
/** The state events that end a job: no live event follows them. */
const ENDING_EVENTS = new Set(['job.completed', 'job.failed', 'job.cancelled']);

/** A live event's payload as the worker knows it; the relay numbers it. */
export type LivePayload<E extends LiveJobEventName> = Omit<SocketEventPayload<E>, 'seq'>;

/**
 * Publishes the job-event outbox (J-6, X-6). A writer calls `publish` with the jobs it just changed,
 * after its commit; every api and worker also looks for leftovers once a second — rows a process
 * wrote but never published because it died between its commit and its publish — so such an event
 * reaches its owner within about two seconds. A row is claimed before it is published and removed
 * after, so it is published at least once; a copy keeps its seq, and browsers drop what they have.
 */
@Injectable()
export class JobEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobEventRelay.name);
  private readonly options: RelayOptions;
  /** The latest state seq this process published per job still live, to number its live events. */
  private readonly published = new Map<string, number>();
  /** One relay pass at a time in this process, so a job's events leave in their order. */
  private tail: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** A look for leftovers not yet done: the timer does not stack more behind it (Redis may be away a while). */
  private pendingDrain: Promise<void> | undefined;

  constructor(
    private readonly outbox: JobEventOutbox,
    private readonly bus: JobEventsBus,
    private readonly clock: Clock,
    @Optional() @Inject(RELAY_OPTIONS) options?: Partial<RelayOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.drain(), this.options.intervalMs);
    this.timer.unref();
    void this.drain();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([this.tail, new Promise((resolve) => (timeout = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timeout);
  }

  /** Publishes the waiting state events of these jobs (just committed by the caller). Never rejects: what fails waits for the next look. */
  publish(jobIds: readonly string[]): Promise<void> {
    return this.serially(async () => {
      await this.relay(jobIds);
    });
  }

  /** Publishes leftovers: rows older than the grace period that nobody holds. */
  drain(): Promise<void> {
    this.pendingDrain ??= this.serially(async () => {
      this.pendingDrain = undefined;
      const now = this.clock.now();
      const jobIds = await this.outbox.leftovers(now - this.options.graceMs, now, LEFTOVER_BATCH);
      const published = await this.relay(jobIds);
      if (published > 0) this.logger.warn({ events: published }, 'published job events their writer did not');
    });
    return this.pendingDrain;
  }

  /** Progress and previews: sent now or never, numbered with the job's latest state event. */
  async publishLive<E extends LiveJobEventName>(job: { id: string; userId: string; eventSeq: number }, event: E, payload: LivePayload<E>): Promise<void> {
    const seq = Math.max(job.eventSeq, this.published.get(job.id) ?? 0);
    await this.bus.publish({ userId: job.userId, event, payload: { ...payload, seq } as SocketEventPayload<E> });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.tail.then(work).catch((error: unknown) => this.logger.warn({ err: error }, 'job events not published yet; they wait in the outbox'));
    this.tail = run;
    return run;
  }

  /**
   * Claims, publishes in order and removes; returns how many were published. A row counts as published
   * once an api process received it: with none listening (all restarting, or their Redis subscription
   * not back yet) the pass stops and the rest is freed for a later one, still in order.
   */
  private async relay(jobIds: readonly string[]): Promise<number> {
    if (jobIds.length === 0) return 0;
    const token = randomUUID();
    const now = this.clock.now();
    const rows = await this.outbox.claim(jobIds, token, now, now + this.options.leaseMs);
    let sent = 0;
    for (const row of rows) {
      const delivered = this.delivered(row);
      if (delivered && (await this.bus.publish(delivered)) === 0) break;
      this.remember(row);
      sent += 1;
    }
    if (sent === rows.length) await this.outbox.remove(token);
    else await this.outbox.release(token, rows.slice(0, sent));
    return sent;
  }

  /** The row as the socket event it announces; a row that no longer reads as one is dropped with a log line. */
  private delivered(row: OutboxRow): DeliveredEvent | undefined {
    const stored = parseJson(row.payload);
    if (isJobEventName(row.event) && typeof stored === 'object' && stored !== null) {
      const payload = jobEventSchemas[row.event].safeParse({ ...stored, jobId: row.jobId, seq: row.seq });
      if (payload.success) return { userId: row.userId, event: row.event, payload: payload.data };
    }
    this.logger.error({ jobId: row.jobId, seq: row.seq, event: row.event }, 'unreadable job event dropped');
    return undefined;
  }

  private remember(row: OutboxRow): void {
    const latest = Math.max(row.seq, this.published.get(row.jobId) ?? 0);
    this.published.delete(row.jobId);
    if (!ENDING_EVENTS.has(row.event)) this.published.set(row.jobId, latest);
    if (this.published.size > REMEMBERED_JOBS) this.published.delete(this.published.keys().next().value ?? '');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
