import { Injectable } from '@nestjs/common';
import type { JobError, OutputView } from '@app/shared/contracts/api/generations';
import type { JobEvent } from '@app/shared/jobs/job-state';
import type { StateEvent } from '@app/server/events/job-event-outbox';
import { JobEventRelay } from '@app/server/events/job-event-relay';
import { MediaUrls } from '@app/server/media/media-urls';
import { outputView } from '@app/server/media/output-view';
import { JobsRepository, type JobRecord, type NewOutput } from '@app/server/repositories/jobs.repository';
import { Clock } from '@app/server/system/clock';
import type { NodeDescription } from './describe-node';
import type { JobTimes } from './history-times';

type Changes = Parameters<JobsRepository['transition']>[2];

/**
 * Every status change of a running job and the event its owner sees (J-5, J-6), in one place:
 * the database moves first (compare-and-set) with its event in the outbox, in one transaction;
 * the relay publishes it right after, or another process does if this one dies first.
 */
@Injectable()
export class JobLifecycle {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly relay: JobEventRelay,
    private readonly media: MediaUrls,
    private readonly clock: Clock,
  ) {}

  async dispatched(job: JobRecord, backend: { id: string; name: string }, clientId: string): Promise<boolean> {
    const now = this.clock.now();
    return this.move(job, 'dispatch', { backendId: backend.id, clientId, dispatchedAt: now }, { event: 'job.dispatched', payload: { backend: backend.name } });
  }

  async started(job: JobRecord): Promise<void> {
    await this.move(job, 'start', { startedAt: this.clock.now() }, { event: 'job.started', payload: {} });
  }

  async progress(job: JobRecord, update: { value: number; max: number; node: NodeDescription | null; overall: number }): Promise<void> {
    await this.relay.publishLive(job, 'job.progress', { jobId: job.id, ...update });
  }

  async preview(job: JobRecord, image: string): Promise<void> {
    await this.relay.publishLive(job, 'job.preview', { jobId: job.id, image });
  }

  /** `times`: from history, for a prompt nobody watched (else it finished now, and started when we saw it start). */
  async ingesting(job: JobRecord, times?: JobTimes): Promise<boolean> {
    const now = this.clock.now();
    return this.jobs.transition(job.id, 'ingest', times ?? { finishedAt: now }, now);
  }

  /** One transaction for all outputs, the completion and their events (one per output, then the end). */
  async completed(job: JobRecord, outputs: readonly NewOutput[]): Promise<boolean> {
    const views = this.views(job, outputs);
    if (!(await this.jobs.complete(job.id, outputs, this.clock.now(), [...outputEvents(views), { event: 'job.completed', payload: { outputs: views } }]))) return false;
    await this.relay.publish([job.id]);
    return true;
  }

  /** Failed, keeping the outputs it made anyway: one transaction with the outputs' events and the failure. */
  async failedWithOutputs(job: JobRecord, error: JobError, outputs: readonly NewOutput[]): Promise<void> {
    const events = [...outputEvents(this.views(job, outputs)), { event: 'job.failed', payload: { error } } satisfies StateEvent];
    if (await this.jobs.failWithOutputs(job.id, error, outputs, this.clock.now(), events)) await this.relay.publish([job.id]);
  }

  private views(job: JobRecord, outputs: readonly NewOutput[]): OutputView[] {
    return outputs.map((row) => outputView({ ...row, deletedAt: null }, this.media.urlsForOutput({ id: job.userId }, row)));
  }

  async failed(job: JobRecord, error: JobError, times?: JobTimes): Promise<void> {
    await this.move(job, 'fail', { ...(times ?? { finishedAt: this.clock.now() }), error }, { event: 'job.failed', payload: { error } });
  }

  async cancelled(job: JobRecord, times?: JobTimes): Promise<void> {
    await this.move(job, 'cancel', times ?? { finishedAt: this.clock.now() }, { event: 'job.cancelled', payload: {} });
  }

  /** J-9 / E-7: back to the queue, free to go to any backend next time. */
  async requeued(job: JobRecord): Promise<void> {
    await this.move(job, 'requeue', { backendId: null, clientId: null, dispatchedAt: null, startedAt: null }, { event: 'job.queued', payload: { position: null } });
  }

  /** The transition with its event in the outbox; the event is published once the transition held. */
  private async move(job: JobRecord, type: JobEvent['type'], changes: Changes, event: StateEvent): Promise<boolean> {
    const now = this.clock.now();
    if (!(await this.jobs.transition(job.id, type, changes, now, [event]))) return false;
    await this.relay.publish([job.id]);
    return true;
  }
}

function outputEvents(views: readonly OutputView[]): StateEvent[] {
  return views.map((output) => ({ event: 'job.output', payload: { output } }));
}
