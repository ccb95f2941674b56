import type { Redis } from 'ioredis';

/** Api → workers: "stop this job" for jobs already in flight (J-8). */
export class CancelRequests {
  readonly channel: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.channel = `${prefix}:jobs:cancel`;
  }

  async request(jobId: string): Promise<void> {
    await this.redis.publish(this.channel, jobId);
  }

  async subscribe(listener: (jobId: string) => void): Promise<() => Promise<void>> {
    const subscriber = this.redis.duplicate();
    subscriber.on('message', (channel: string, jobId: string) => {
      if (channel === this.channel) listener(jobId);
    });
    await subscriber.subscribe(this.channel);
    return async () => {
      await subscriber.quit().catch(() => subscriber.disconnect());
    };
  }
}
