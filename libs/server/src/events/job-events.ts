import { jobEventSchemas, type JobEventName, type SocketEventPayload } from '@app/shared/contracts/socket-events';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** What travels from the worker to the api over Redis: an event for one user's sockets. */
const envelopeSchema = z.object({ userId: z.string(), event: z.string(), payload: z.unknown() });

export interface DeliveredEvent {
  userId: string;
  event: JobEventName;
  payload: SocketEventPayload<JobEventName>;
}

export function isJobEventName(name: string): name is JobEventName {
  return Object.hasOwn(jobEventSchemas, name);
}

/**
 * The job-event bus (J-6): worker and api publish, every api process relays to the owner's
 * sockets. Events arrive numbered: state events by the outbox (`JobEventRelay`), live ones with
 * the number of the state they follow. Pub/sub reaches whoever listens at that moment, which is
 * why state events wait in the outbox until published and browsers read again after a reconnect.
 */
export class JobEventsBus {
  readonly channel: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.channel = `${prefix}:events:jobs`;
  }

  /** Resolves how many api processes received it (0: none was listening). */
  publish(delivered: DeliveredEvent): Promise<number> {
    return this.redis.publish(this.channel, JSON.stringify(delivered));
  }

  /** Subscribes on its own connection; malformed messages are dropped. */
  async subscribe(listener: (event: DeliveredEvent) => void): Promise<() => Promise<void>> {
    const subscriber = this.redis.duplicate();
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const envelope = envelopeSchema.safeParse(JSON.parse(message));
      if (!envelope.success || !isJobEventName(envelope.data.event)) return;
      const payload = jobEventSchemas[envelope.data.event].safeParse(envelope.data.payload);
      if (payload.success) listener({ userId: envelope.data.userId, event: envelope.data.event, payload: payload.data });
    });
    await subscriber.subscribe(this.channel);
    return async () => {
      await subscriber.quit().catch(() => subscriber.disconnect());
    };
  }
}
