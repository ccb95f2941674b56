import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';

/** Injection token for the shared ioredis connection (commands only; subscribers make their own). */
export const REDIS = Symbol('REDIS');

export function connectRedis(config: AppConfig): Redis {
  if (!config.redisUrl) throw new Error('REDIS_URL is required (npm start provides one)');
  // null retries per request: BullMQ needs it, and commands wait out a Redis restart instead of failing.
  return new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
}

@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: connectRedis }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
