import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/server/config/env';
import { ServerModule } from '@app/server/server.module';

/** The worker: no HTTP, only job processors over the same database and Redis as the api. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [ServerModule.forRoot(config, 'worker')] };
  }
}
