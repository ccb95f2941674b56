import type { Redis } from 'ioredis';

/** A Redis pub/sub channel on which the api asks every worker to act on one id. */
export class IdChannel {
  constructor(
    private readonly redis: Redis,
    readonly channel: string,
  ) {}

  async request(id: string): Promise<void> {
    await this.redis.publish(this.channel, id);
  }

  async subscribe(listener: (id: string) => void): Promise<() => Promise<void>> {
    const subscriber = this.redis.duplicate();
    subscriber.on('message', (channel: string, id: string) => {
      if (channel === this.channel) listener(id);
    });
    await subscriber.subscribe(this.channel);
    return async () => {
      await subscriber.quit().catch(() => subscriber.disconnect());
    };
  }
}
