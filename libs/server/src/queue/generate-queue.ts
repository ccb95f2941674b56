import { QUEUES } from '@app/shared/jobs/queues';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/** BullMQ keys live under the installation's prefix too. */
export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}:bull`;
}

/**
 * J-9: at most 3 automatic retries for infrastructure trouble, after 5 s, 30 s and 120 s.
 * The database is the record of every job, so BullMQ keeps nothing once a job has ended.
 */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000] as const;

export const GENERATE_JOB_OPTIONS: JobsOptions = {
  attempts: RETRY_DELAYS_MS.length + 1,
  backoff: { type: 'studio' },
  removeOnComplete: true,
  removeOnFail: true,
};

/** The custom backoff BullMQ workers register under the type `studio`. */
export function retryDelay(attemptsMade: number): number {
  return RETRY_DELAYS_MS[Math.min(attemptsMade, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
}

export function createGenerateQueue(connection: Redis, redisPrefix: string): Queue {
  return new Queue(QUEUES.generate, { connection, prefix: bullPrefix(redisPrefix), defaultJobOptions: GENERATE_JOB_OPTIONS });
}
