import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { REDIS } from '@app/server/redis/redis.module';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A user's access changed: their open sockets must be re-checked (S-19: within 5 s). */
const accessChangedSchema = z.object({ userId: z.string() });
export type AccessChanged = z.infer<typeof accessChangedSchema>;

/** Cross-process notice of revoked sessions and disabled users, over Redis pub/sub. */
@Injectable()
export class AuthEvents implements OnModuleDestroy {
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:auth:access-changed`;
  }

  async accessChanged(userId: string): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify({ userId } satisfies AccessChanged));
  }

  async subscribe(listener: (event: AccessChanged) => void): Promise<void> {
    this.subscriber ??= this.redis.duplicate();
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const parsed = accessChangedSchema.safeParse(JSON.parse(message));
      if (parsed.success) listener(parsed.data);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
