import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/env';
import { DatabaseModule } from './db/database.module';
import { EventsModule } from './events/events.module';
import { LoggerModule } from './logging/logger.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { Clock, SystemClock } from './system/clock';

/**
 * What every process (api, worker) stands on: config, logs, database, Redis and the queue,
 * the job-event relay, clock.
 * While Redis is away the api refuses what needs it at once (503) and the worker waits for it.
 */
@Global()
@Module({})
export class ServerModule {
  static forRoot(config: AppConfig, processName: 'api' | 'worker', clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ServerModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(config, processName), DatabaseModule, RedisModule.forRoot(processName === 'api' ? 'fail-fast' : 'wait'), QueueModule, EventsModule],
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
