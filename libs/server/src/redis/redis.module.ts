import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { RedisConnectionWatch } from './connection-watch';
import { connectWatchedRedis, type WhileDown } from './watched-redis';

/** Injection token for the shared ioredis connection (commands only; subscribers duplicate it). */
export const REDIS = Symbol('REDIS');

async function connectRedis(config: AppConfig, whileDown: WhileDown, watch: RedisConnectionWatch): Promise<Redis> {
  if (!config.redisUrl) throw new Error('REDIS_URL is required (npm start provides one)');
  const redis = connectWatchedRedis(config.redisUrl, whileDown, watch);
  // A fail-fast client refuses commands until it is first connected: the process starts once it is
  // (errors meanwhile are reconnection attempts, which the watch reports).
  if (whileDown === 'fail-fast') await new Promise((resolveReady) => redis.once('ready', resolveReady));
  return redis;
}

@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(whileDown: WhileDown): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: RedisConnectionWatch,
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => {
            logger.setContext('Redis');
            return new RedisConnectionWatch(logger);
          },
        },
        { provide: REDIS, inject: [APP_CONFIG, RedisConnectionWatch], useFactory: (config: AppConfig, watch: RedisConnectionWatch) => connectRedis(config, whileDown, watch) },
      ],
      exports: [REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
