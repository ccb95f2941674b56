import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CancelRequests } from '@app/server/queue/cancel-requests';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BackendPool } from '../backends/backend-pool';
import { InFlightJobs } from './in-flight-jobs';

/**
 * J-8 for jobs this worker is running: delete from the backend queue, or interrupt exactly that
 * prompt; the runner then sees the prompt end and records the cancellation.
 */
@Injectable()
export class CancelListener implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly requests: CancelRequests,
    private readonly jobs: JobsRepository,
    private readonly pool: BackendPool,
    private readonly inFlight: InFlightJobs,
    @InjectPinoLogger(CancelListener.name) private readonly logger: PinoLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.requests.subscribe((jobId) => {
      this.cancel(jobId).catch((error: unknown) => this.logger.warn({ jobId, err: error }, 'cancel failed'));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unsubscribe?.();
  }

  private async cancel(jobId: string): Promise<void> {
    if (!this.inFlight.has(jobId)) return;
    const job = await this.jobs.find(jobId);
    const backend = job?.backendId ? this.pool.get(job.backendId) : undefined;
    if (!backend) return;
    const result = await backend.client.cancel(jobId);
    this.logger.info({ jobId, backendId: backend.record.id, state: result.state }, 'cancel sent');
  }
}
