import type { Redis } from 'ioredis';

/** Where the outage lines go: a pino logger, or nestjs-pino's PinoLogger. */
export interface OutageLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/**
 * Every Redis connection of one process, watched together: one line when Redis is lost (the first
 * connection to notice) and one when it is back (the last one to reconnect), however many
 * connections and reconnection attempts lie between. ioredis reconnects on its own; an `error`
 * listener is what keeps it from printing "Unhandled error event" for every failed attempt.
 */
export class RedisConnectionWatch {
  private readonly down = new Set<Redis>();
  private lostAt: number | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly log: OutageLog,
    private readonly now: () => number = Date.now,
  ) {}

  track<R extends Redis>(client: R): R {
    client.on('error', (error: Error) => {
      this.lastError = error.message;
    });
    // Emitted only when ioredis will try again: a deliberate quit() ends without it.
    client.on('reconnecting', () => this.lost(client));
    client.on('ready', () => this.back(client));
    client.on('end', () => this.down.delete(client));
    return client;
  }

  private lost(client: Redis): void {
    this.down.add(client);
    if (this.lostAt !== undefined) return;
    this.lostAt = this.now();
    this.log.warn({ reason: this.lastError ?? 'connection closed' }, 'Redis connection lost; reconnecting');
  }

  private back(client: Redis): void {
    this.down.delete(client);
    if (this.lostAt === undefined || this.down.size > 0) return;
    this.log.info({ downMs: this.now() - this.lostAt }, 'Redis connection back');
    this.lostAt = undefined;
    this.lastError = undefined;
  }
}
