import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { REDIS } from '../redis/redis.module';
import { CancelRequests } from './cancel-requests';
import { CatalogueRefreshRequests } from './catalogue-refresh-requests';
import { FairPriorities } from './fair-priority';
import { JobEventsBus } from '../events/job-events';
import { createGenerateQueue } from './generate-queue';

/** Injection token for the BullMQ `generate` queue. */
export const GENERATE_QUEUE = Symbol('GENERATE_QUEUE');

@Global()
@Module({
  providers: [
    { provide: GENERATE_QUEUE, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, config: AppConfig) => createGenerateQueue(redis, config.redisPrefix) },
    { provide: FairPriorities, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, config: AppConfig) => new FairPriorities(redis, config.redisPrefix) },
    { provide: CancelRequests, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, config: AppConfig) => new CancelRequests(redis, config.redisPrefix) },
    { provide: CatalogueRefreshRequests, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, config: AppConfig) => new CatalogueRefreshRequests(redis, config.redisPrefix) },
    { provide: JobEventsBus, inject: [REDIS, APP_CONFIG], useFactory: (redis: Redis, config: AppConfig) => new JobEventsBus(redis, config.redisPrefix) },
  ],
  exports: [GENERATE_QUEUE, FairPriorities, CancelRequests, CatalogueRefreshRequests, JobEventsBus],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(GENERATE_QUEUE) private readonly queue: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
