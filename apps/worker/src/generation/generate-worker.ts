import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { generatePayloadSchema, QUEUES } from '@app/shared/jobs/queues';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { FairPriorities } from '@app/server/queue/fair-priority';
import { bullPrefix, GENERATE_JOB_OPTIONS, retryDelay } from '@app/server/queue/generate-queue';
import { releaseJobsOfGoneWorkers } from '@app/server/queue/gone-workers';
import { GENERATE_QUEUE } from '@app/server/queue/queue.module';
import { identityOf, WorkerRegistry, type ProcessIdentity } from '@app/server/queue/worker-registry';
import { REDIS } from '@app/server/redis/redis.module';
import { isRedisOutage } from '@app/server/redis/watched-redis';
import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BackendPool } from '../backends/backend-pool';
import { GenerationRunner, PromptLostError } from './generation-runner';
import { InFlightJobs, WorkerStoppingError } from './in-flight-jobs';

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export interface WorkerOptions {
  /** How long a job's lock lives without renewal; a worker that died elsewhere gives its jobs back after it (J-10). */
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** How often this worker looks for jobs of dead workers on its machine, which go back at once. */
  orphanCheckMs: number;
}

/** A registration outlives any lock its worker could hold; a live worker renews it every check. */
const REGISTRATION_TTL_MS = 10 * 60_000;

/**
 * The BullMQ side of the worker: takes jobs in fair-priority order, as many at once as the
 * backends that are up have slots (a GPU never idles while a job waits, E-1), and hands each to
 * the runner. A job whose worker died comes back, and is reconciled: at once when that worker ran
 * on this machine (its process is provably gone), else when its lock expires.
 */
@Injectable()
export class GenerateWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker | undefined;
  /** BullMQ's blocking reads need a connection of their own, which it does not close for us. */
  private connection: Redis | undefined;
  private orphanTimer: NodeJS.Timeout | undefined;
  /** Redis down: said once, not every check. */
  private orphanCheckFailing = false;
  private readonly registry: WorkerRegistry;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GENERATE_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly pool: BackendPool,
    private readonly runner: GenerationRunner,
    private readonly fair: FairPriorities,
    private readonly inFlight: InFlightJobs,
    @InjectPinoLogger(GenerateWorker.name) private readonly logger: PinoLogger,
  ) {
    this.registry = new WorkerRegistry(redis, config.redisPrefix);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = this.redis.duplicate();
    const worker = new Worker(QUEUES.generate, (job) => this.process(job), {
      connection: this.connection,
      prefix: bullPrefix(this.config.redisPrefix),
      autorun: false,
      concurrency: Math.max(1, this.pool.freeCapacity()),
      lockDuration: this.options.lockDurationMs,
      stalledInterval: this.options.stalledIntervalMs,
      // A worker killed mid-job must not cost the job its life: its lock simply expires.
      maxStalledCount: 100,
      // A prompt the backend lost is sent again at once: the backend is back, nothing to wait for.
      settings: { backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => (error instanceof PromptLostError ? 0 : retryDelay(attemptsMade)) },
    });
    this.worker = worker;
    worker.on('error', (error) => {
      // Each failed reconnection surfaces here too; the connection watch reports the outage once.
      if (!isRedisOutage(error, this.redis)) this.logger.error({ err: error }, 'queue error');
    });
    this.pool.on('change', () => {
      worker.concurrency = Math.max(1, this.pool.freeCapacity());
    });
    const identity = await identityOf();
    await this.claimOrphans(worker.id, identity);
    this.orphanTimer = setInterval(() => void this.claimOrphans(worker.id, identity), this.options.orphanCheckMs);
    worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'worker stopped taking jobs'));
  }

  /** Keeps this worker registered, and gives the jobs of workers known to be dead back to the queue (J-10). */
  private async claimOrphans(workerId: string, identity: ProcessIdentity | undefined): Promise<void> {
    try {
      if (identity) await this.registry.register(workerId, identity, REGISTRATION_TTL_MS);
      const released = await releaseJobsOfGoneWorkers(this.queue, this.registry, workerId);
      if (released.length > 0) this.logger.warn({ jobIds: released }, 'jobs of a dead worker taken back');
      this.orphanCheckFailing = false;
    } catch (error) {
      if (!this.orphanCheckFailing) this.logger.warn({ err: error }, 'dead workers not checked');
      this.orphanCheckFailing = true;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.orphanTimer);
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
