import { jobEventSchemas, type JobEventName, type SocketEventPayload } from '@app/shared/contracts/socket-events';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** What travels from the worker to the api over Redis: an event for one user's sockets. */
const envelopeSchema = z.object({ userId: z.string(), event: z.string(), payload: z.unknown() });

export type JobEventInput<E extends JobEventName> = Omit<SocketEventPayload<E>, 'seq'>;

export interface DeliveredEvent {
  userId: string;
  event: JobEventName;
  payload: SocketEventPayload<JobEventName>;
}

function isEventName(name: string): name is JobEventName {
  return Object.hasOwn(jobEventSchemas, name);
}

/**
 * The job-event bus (J-6): the worker publishes, every api process relays to the owner's
 * sockets. Sequence numbers come from Redis so they keep rising across worker restarts.
 */
export class JobEventsBus {
  readonly channel: string;
  private readonly seqPrefix: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.channel = `${prefix}:events:jobs`;
    this.seqPrefix = `${prefix}:events:seq:`;
  }

  async publish<E extends JobEventName>(userId: string, event: E, payload: JobEventInput<E>): Promise<void> {
    const seqKey = `${this.seqPrefix}${payload.jobId}`;
    const [[, seq]] = (await this.redis.multi().incr(seqKey).expire(seqKey, 7 * 24 * 3600).exec()) as [[Error | null, number]];
    await this.redis.publish(this.channel, JSON.stringify({ userId, event, payload: { ...payload, seq } }));
  }

  /** Subscribes on its own connection; malformed messages are dropped. */
  async subscribe(listener: (event: DeliveredEvent) => void): Promise<() => Promise<void>> {
    const subscriber = this.redis.duplicate();
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const envelope = envelopeSchema.safeParse(JSON.parse(message));
      if (!envelope.success || !isEventName(envelope.data.event)) return;
      const payload = jobEventSchemas[envelope.data.event].safeParse(envelope.data.payload);
      if (payload.success) listener({ userId: envelope.data.userId, event: envelope.data.event, payload: payload.data });
    });
    await subscriber.subscribe(this.channel);
    return async () => {
      await subscriber.quit().catch(() => subscriber.disconnect());
    };
  }
}
