import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { generatePayloadSchema, QUEUES } from '@app/shared/jobs/queues';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { FairPriorities } from '@app/server/queue/fair-priority';
import { bullPrefix, GENERATE_JOB_OPTIONS, retryDelay } from '@app/server/queue/generate-queue';
import { REDIS } from '@app/server/redis/redis.module';
import { isRedisOutage } from '@app/server/redis/watched-redis';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BackendPool } from '../backends/backend-pool';
import { GenerationRunner } from './generation-runner';
import { InFlightJobs, WorkerStoppingError } from './in-flight-jobs';

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export interface WorkerOptions {
  /** How long a job's lock lives without renewal; a dead worker's jobs return after it (J-10). */
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/**
 * The BullMQ side of the worker: takes jobs in fair-priority order, as many at once as the
 * backends that are up have slots (a GPU never idles while a job waits, E-1), and hands each to
 * the runner. A job whose worker died comes back after its lock expires and is reconciled.
 */
@Injectable()
export class GenerateWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker | undefined;
  /** BullMQ's blocking reads need a connection of their own, which it does not close for us. */
  private connection: Redis | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly pool: BackendPool,
    private readonly runner: GenerationRunner,
    private readonly fair: FairPriorities,
    private readonly inFlight: InFlightJobs,
    @InjectPinoLogger(GenerateWorker.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = this.redis.duplicate();
    this.worker = new Worker(QUEUES.generate, (job) => this.process(job), {
      connection: this.connection,
      prefix: bullPrefix(this.config.redisPrefix),
      concurrency: Math.max(1, this.pool.freeCapacity()),
      lockDuration: this.options.lockDurationMs,
      stalledInterval: this.options.stalledIntervalMs,
      // A worker killed mid-job must not cost the job its life: its lock simply expires.
      maxStalledCount: 100,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelay(attemptsMade) },
    });
    this.worker.on('error', (error) => {
      // Each failed reconnection surfaces here too; the connection watch reports the outage once.
      if (!isRedisOutage(error, this.redis)) this.logger.error({ err: error }, 'queue error');
    });
    this.pool.on('change', () => {
      if (this.worker) this.worker.concurrency = Math.max(1, this.pool.freeCapacity());
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.inFlight.abortAll(new WorkerStoppingError('worker stopping'));
    await this.worker?.close(true);
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  private async process(job: Job): Promise<void> {
    const payload = generatePayloadSchema.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`bad payload: ${payload.error.message}`);
    if (job.opts.priority) await this.fair.advance(job.opts.priority);
    const attempts = job.opts.attempts ?? GENERATE_JOB_OPTIONS.attempts ?? 1;
    await this.runner.run(payload.data.jobId, job.attemptsMade + 1 >= attempts);
  }
}
