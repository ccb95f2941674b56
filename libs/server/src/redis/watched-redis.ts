import { Redis, type RedisOptions } from 'ioredis';
import type { RedisConnectionWatch } from './connection-watch';

/**
 * What a process's commands do while Redis is away: `fail-fast` rejects them at once (the api
 * answers 503 instead of hanging a request), `wait` holds them until Redis is back (the worker
 * simply carries on after an outage).
 */
export type WhileDown = 'fail-fast' | 'wait';

/** 100 ms, 200 ms … then every second: a supervised Redis is back about a second after it died. */
export function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 100, 1000);
}

function optionsFor(whileDown: WhileDown): RedisOptions {
  const common: RedisOptions = { retryStrategy: reconnectDelay, lazyConnect: false };
  // maxRetriesPerRequest 0 also rejects the commands in flight when the connection drops.
  if (whileDown === 'fail-fast') return { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 0 };
  // null: BullMQ requires it, and commands wait out a Redis restart instead of failing.
  return { ...common, maxRetriesPerRequest: null };
}

/**
 * An ioredis client whose duplicates are watched too, so the subscribers made from it and the
 * blocking connections BullMQ makes from those never go unwatched. Duplicates always wait out an
 * outage: they hold subscriptions and blocking reads, which they resume once reconnected.
 */
export class WatchedRedis extends Redis {
  constructor(
    private readonly url: string,
    options: RedisOptions,
    private readonly connections: RedisConnectionWatch,
  ) {
    super(url, options);
    connections.track(this);
  }

  override duplicate(override: Partial<RedisOptions> = {}): WatchedRedis {
    return new WatchedRedis(this.url, { ...this.options, enableOfflineQueue: true, maxRetriesPerRequest: null, ...override }, this.connections);
  }
}

export function connectWatchedRedis(url: string, whileDown: WhileDown, watch: RedisConnectionWatch): WatchedRedis {
  return new WatchedRedis(url, optionsFor(whileDown), watch);
}

/** ioredis's wording for a command refused or cut off because the connection is gone; it has no error classes for these. */
const CONNECTION_GONE = new Set(["Stream isn't writeable and enableOfflineQueue options is false", 'Connection is closed.']);
/** A reconnection attempt that found nobody listening, or a connection cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/**
 * Whether a failure comes from Redis being away, judged by the error itself or, for errors
 * that do not say (a library's own wording), by the shared connection not being ready: the api
 * then answers 503 rather than 500, and the worker leaves it to the outage's one log line.
 */
export function isRedisOutage(error: unknown, redis: Redis): boolean {
  if (redis.status !== 'ready') return true;
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return CONNECTION_GONE.has(error.message) || error.name === 'MaxRetriesPerRequestError' || (code !== undefined && SOCKET_CODES.has(code));
}
