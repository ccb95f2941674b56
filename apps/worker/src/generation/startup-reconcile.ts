import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES, type GeneratePayload } from '@app/shared/jobs/queues';
import { FairPriorities } from '@app/server/queue/fair-priority';
import { GENERATE_QUEUE } from '@app/server/queue/queue.module';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import type { Queue } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { IngestStages } from './ingest-stages';

/**
 * J-10 at worker start: the database is the source of truth. Every job not yet ended gets a
 * BullMQ job again if Redis lost it (the job id makes this a no-op when it still exists); jobs
 * that were with a backend are then reconciled by prompt id when they run. Ingest stages of jobs
 * that ended while their worker was being killed are removed.
 */
@Injectable()
export class StartupReconcile implements OnApplicationBootstrap {
  constructor(
    @Inject(GENERATE_QUEUE) private readonly queue: Queue,
    private readonly jobs: JobsRepository,
    private readonly fair: FairPriorities,
    private readonly stages: IngestStages,
    @InjectPinoLogger(StartupReconcile.name) private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.stages.sweep();
    const open = await this.jobs.listByStatus(['queued', 'dispatched', 'running', 'ingesting']);
    let restored = 0;
    for (const job of open) {
      if (await this.queue.getJob(job.id)) continue;
      const [priority] = await this.fair.reserve(job.userId, 1);
      await this.queue.add(QUEUES.generate, { jobId: job.id } satisfies GeneratePayload, { jobId: job.id, priority });
      restored += 1;
    }
    if (restored > 0) this.logger.info({ restored }, 'jobs missing from the queue were enqueued again');
  }
}
