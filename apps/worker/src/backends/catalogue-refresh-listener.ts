import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CatalogueRefreshRequests } from '@app/server/queue/catalogue-refresh-requests';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BackendPool } from './backend-pool';

/**
 * An admin's "refresh now" (W-14): reads that backend's catalogue again at once, so a file just
 * added to its input or model folders is offered without waiting for the 10-minute refresh.
 */
@Injectable()
export class CatalogueRefreshListener implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly requests: CatalogueRefreshRequests,
    private readonly pool: BackendPool,
    @InjectPinoLogger(CatalogueRefreshListener.name) private readonly logger: PinoLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.requests.subscribe((backendId) => {
      const handle = this.pool.get(backendId);
      if (!handle || handle.health.state !== 'up') return;
      this.pool.refreshCatalogue(handle).then(
        () => this.logger.info({ backendId }, 'catalogue refreshed on request'),
        (error: unknown) => this.logger.warn({ backendId, err: error }, 'catalogue refresh failed'),
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unsubscribe?.();
  }
}
