import type { Redis } from 'ioredis';
import { IdChannel } from './id-channel';

/** Api → workers: "read this backend's catalogue again now" (an admin's refresh, W-14 / E-3). */
export class CatalogueRefreshRequests extends IdChannel {
  constructor(redis: Redis, prefix: string) {
    super(redis, `${prefix}:backends:refresh`);
  }
}
