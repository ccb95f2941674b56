import type { Redis } from 'ioredis';
import { IdChannel } from './id-channel';

/** Api → workers: "stop this job" for jobs already in flight (J-8). */
export class CancelRequests extends IdChannel {
  constructor(redis: Redis, prefix: string) {
    super(redis, `${prefix}:jobs:cancel`);
  }
}
