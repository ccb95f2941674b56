import { Injectable } from '@nestjs/common';
import type { JobError, OutputView } from '@app/shared/contracts/api/generations';
import { JobEventsBus } from '@app/server/events/job-events';
import { MediaUrls } from '@app/server/media/media-urls';
import { outputView } from '@app/server/media/output-view';
import { JobsRepository, type JobRecord, type NewOutput } from '@app/server/repositories/jobs.repository';
import { Clock } from '@app/server/system/clock';
import type { NodeDescription } from './describe-node';
import type { JobTimes } from './history-times';

/**
 * Every status change of a running job and the event its owner sees (J-5, J-6), in one place:
 * the database moves first (compare-and-set), the event follows only if it did.
 */
@Injectable()
export class JobLifecycle {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly bus: JobEventsBus,
    private readonly media: MediaUrls,
    private readonly clock: Clock,
  ) {}

  async dispatched(job: JobRecord, backend: { id: string; name: string }, clientId: string): Promise<boolean> {
    const now = this.clock.now();
    if (!(await this.jobs.transition(job.id, 'dispatch', { backendId: backend.id, clientId, dispatchedAt: now }, now))) return false;
    await this.bus.publish(job.userId, 'job.dispatched', { jobId: job.id, backend: backend.name });
    return true;
  }

  async started(job: JobRecord): Promise<void> {
    const now = this.clock.now();
    if (await this.jobs.transition(job.id, 'start', { startedAt: now }, now)) await this.bus.publish(job.userId, 'job.started', { jobId: job.id });
  }

  async progress(job: JobRecord, update: { value: number; max: number; node: NodeDescription | null; overall: number }): Promise<void> {
    await this.bus.publish(job.userId, 'job.progress', { jobId: job.id, ...update });
  }

  async preview(job: JobRecord, image: string): Promise<void> {
    await this.bus.publish(job.userId, 'job.preview', { jobId: job.id, image });
  }

  /** `times`: from history, for a prompt nobody watched (else it finished now, and started when we saw it start). */
  async ingesting(job: JobRecord, times?: JobTimes): Promise<boolean> {
    const now = this.clock.now();
    return this.jobs.transition(job.id, 'ingest', times ?? { finishedAt: now }, now);
  }

  /** One transaction for all outputs and the completion, then one event per output and the end. */
  async completed(job: JobRecord, outputs: readonly NewOutput[]): Promise<boolean> {
    if (!(await this.jobs.complete(job.id, outputs, this.clock.now()))) return false;
    const views = await this.publishOutputs(job, outputs);
    await this.bus.publish(job.userId, 'job.completed', { jobId: job.id, outputs: views });
    return true;
  }

  /** Failed, keeping the outputs it made anyway: one transaction, then the outputs' events and the failure. */
  async failedWithOutputs(job: JobRecord, error: JobError, outputs: readonly NewOutput[]): Promise<void> {
    if (!(await this.jobs.failWithOutputs(job.id, error, outputs, this.clock.now()))) return;
    await this.publishOutputs(job, outputs);
    await this.bus.publish(job.userId, 'job.failed', { jobId: job.id, error });
  }

  private async publishOutputs(job: JobRecord, outputs: readonly NewOutput[]): Promise<OutputView[]> {
    const views: OutputView[] = outputs.map((row) => outputView({ ...row, deletedAt: null }, this.media.urlsForOutput({ id: job.userId }, row)));
    for (const output of views) await this.bus.publish(job.userId, 'job.output', { jobId: job.id, output });
    return views;
  }

  async failed(job: JobRecord, error: JobError, times?: JobTimes): Promise<void> {
    const now = this.clock.now();
    if (await this.jobs.transition(job.id, 'fail', { ...(times ?? { finishedAt: now }), error }, now)) await this.bus.publish(job.userId, 'job.failed', { jobId: job.id, error });
  }

  async cancelled(job: JobRecord, times?: JobTimes): Promise<void> {
    const now = this.clock.now();
    if (await this.jobs.transition(job.id, 'cancel', times ?? { finishedAt: now }, now)) await this.bus.publish(job.userId, 'job.cancelled', { jobId: job.id });
  }

  /** J-9 / E-7: back to the queue, free to go to any backend next time. */
  async requeued(job: JobRecord): Promise<void> {
    const now = this.clock.now();
    if (await this.jobs.transition(job.id, 'requeue', { backendId: null, clientId: null, dispatchedAt: null, startedAt: null }, now)) {
      await this.bus.publish(job.userId, 'job.queued', { jobId: job.id, position: null });
    }
  }
}
