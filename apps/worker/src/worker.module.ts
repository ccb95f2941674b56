import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/server/config/env';
import { MediaSigner } from '@app/server/media/media-signer';
import { MediaUrls } from '@app/server/media/media-urls';
import { resolveJwtSecret } from '@app/server/config/secret';
import { ServerModule } from '@app/server/server.module';
import type { Clock } from '@app/server/system/clock';
import { BackendPool, POOL_OPTIONS, type PoolOptions } from './backends/backend-pool';
import { CatalogueRefreshListener } from './backends/catalogue-refresh-listener';
import { CancelListener } from './generation/cancel-listener';
import { GenerateWorker, WORKER_OPTIONS, type WorkerOptions } from './generation/generate-worker';
import { GenerationRunner } from './generation/generation-runner';
import { InFlightJobs } from './generation/in-flight-jobs';
import { IngestStages } from './generation/ingest-stages';
import { JobLifecycle } from './generation/job-lifecycle';
import { OutputIngest } from './generation/output-ingest';
import { RunPreparation } from './generation/run-preparation';
import { StartupReconcile } from './generation/startup-reconcile';

export interface WorkerModuleOptions {
  pool?: Partial<PoolOptions>;
  queue?: Partial<WorkerOptions>;
  clock?: Clock;
}

/** The worker: no HTTP, only job processing over the same database and Redis as the api. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ServerModule.forRoot(config, 'worker', options.clock)],
      providers: [
        { provide: POOL_OPTIONS, useValue: { healthIntervalMs: 10_000, downProbeMs: 1_000, catalogueIntervalMs: 600_000, ...options.pool } satisfies PoolOptions },
        { provide: WORKER_OPTIONS, useValue: { lockDurationMs: 15_000, stalledIntervalMs: 3_000, orphanCheckMs: 2_000, ...options.queue } satisfies WorkerOptions },
        { provide: MediaSigner, useFactory: () => new MediaSigner(resolveJwtSecret(config)) },
        MediaUrls,
        BackendPool,
        CatalogueRefreshListener,
        InFlightJobs,
        RunPreparation,
        IngestStages,
        OutputIngest,
        JobLifecycle,
        GenerationRunner,
        CancelListener,
        StartupReconcile,
        GenerateWorker,
      ],
    };
  }
}
