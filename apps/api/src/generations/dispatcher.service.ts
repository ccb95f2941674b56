import { Inject, Injectable } from '@nestjs/common';
import type { JobStatus } from '@app/shared/jobs/job-state';
import { QUEUES, type GeneratePayload } from '@app/shared/jobs/queues';
import { JobEventRelay } from '@app/server/events/job-event-relay';
import { CancelRequests } from '@app/server/queue/cancel-requests';
import { FairPriorities } from '@app/server/queue/fair-priority';
import { GENERATE_QUEUE } from '@app/server/queue/queue.module';
import { JobsRepository, type JobRecord, type NewJob } from '@app/server/repositories/jobs.repository';
import { Clock } from '@app/server/system/clock';
import type { Queue } from 'bullmq';

/**
 * The api's side of the queue: durable rows first, then BullMQ jobs whose id is the row id
 * (an enqueue can never duplicate) and whose priority comes from the fair clock.
 */
@Injectable()
export class Dispatcher {
  constructor(
    @Inject(GENERATE_QUEUE) private readonly queue: Queue,
    private readonly fair: FairPriorities,
    private readonly jobs: JobsRepository,
    private readonly events: JobEventRelay,
    private readonly cancels: CancelRequests,
    private readonly clock: Clock,
  ) {}

  /** All or nothing (B-1): if Redis refuses the jobs, the rows go too (their `job.queued` events with them). */
  async enqueue(userId: string, jobs: readonly NewJob[]): Promise<void> {
    await this.jobs.createMany(jobs, this.clock.now());
    try {
      const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      if (Object.values(counts).every((n) => n === 0)) await this.fair.reset();
      const priorities = await this.fair.reserve(userId, jobs.length);
      await this.queue.addBulk(
        jobs.map((job, i) => ({ name: QUEUES.generate, data: { jobId: job.id } satisfies GeneratePayload, opts: { jobId: job.id, priority: priorities[i] } })),
      );
    } catch (error) {
      await this.jobs.deleteMany(jobs.map((j) => j.id));
      throw error;
    }
    await this.events.publish(jobs.map((job) => job.id));
  }

  /**
   * J-8: a job still waiting is cancelled here and never dispatched; one already with a
   * backend is handed to the workers, which delete or interrupt exactly that prompt.
   */
  async cancel(job: JobRecord): Promise<JobStatus> {
    const now = this.clock.now();
    if (job.status === 'queued' && (await this.jobs.transition(job.id, 'cancel', { finishedAt: now }, now, [{ event: 'job.cancelled', payload: {} }]))) {
      await this.queue.remove(job.id).catch(() => undefined);
      await this.events.publish([job.id]);
      return 'cancelled';
    }
    await this.jobs.requestCancel(job.id, now);
    await this.cancels.request(job.id);
    return (await this.jobs.find(job.id))?.status ?? job.status;
  }
}
