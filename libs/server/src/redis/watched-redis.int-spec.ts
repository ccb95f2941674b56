import type { Redis } from 'ioredis';
import { RedisConnectionWatch, type OutageLog } from './connection-watch';
import { startRedisServer, type RedisProcess } from './redis-process';
import { connectWatchedRedis, isRedisOutage, type WhileDown } from './watched-redis';

/** The outage lines one process would print, and a way to wait for the next one. */
function recordingLog() {
  const lines: string[] = [];
  const waiters: { message: string; resolve: () => void }[] = [];
  const write = (message: string) => {
    lines.push(message);
    for (const waiter of waiters.filter((w) => w.message === message)) waiter.resolve();
  };
  const log: OutageLog = { warn: (_fields, message) => write(message), info: (_fields, message) => write(message) };
  const printed = (message: string) => new Promise<void>((resolve) => (lines.includes(message) ? resolve() : waiters.push({ message, resolve })));
  return { lines, log, printed };
}

const LOST = 'Redis connection lost; reconnecting';
const BACK = 'Redis connection back';

/** Resolves after `client` has failed to reconnect `count` times (Redis refusing each attempt). */
function failedAttempts(client: Redis, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    client.on('error', () => {
      seen += 1;
      if (seen === count) resolve();
    });
  });
}

describe('Redis connections that lose their server', () => {
  let server: RedisProcess;
  const clients: Redis[] = [];

  const connect = (whileDown: WhileDown, watch: RedisConnectionWatch) => {
    const client = connectWatchedRedis(server.url, whileDown, watch);
    clients.push(client);
    return client;
  };
  const ready = (client: Redis) => new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())));
  const restart = async () => {
    server = await startRedisServer({ port: server.port });
  };

  beforeEach(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server.stop();
  });

  it('handle their errors, and print one line when Redis is lost and one when it is back for all of a process’s connections', async () => {
    const { lines, log, printed } = recordingLog();
    const shared = connect('wait', new RedisConnectionWatch(log));
    // A subscriber, and a duplicate of a duplicate as BullMQ makes for its blocking reads.
    const subscriber = shared.duplicate();
    const worker = shared.duplicate();
    const blocking = worker.duplicate();
    clients.push(subscriber, worker, blocking);
    await subscriber.subscribe('news');
    await Promise.all([ready(shared), ready(worker), ready(blocking)]);
    // ioredis prints "Unhandled error event" for each failed attempt of a connection nobody listens to.
    expect([shared, subscriber, worker, blocking].map((client) => client.listenerCount('error'))).not.toContain(0);

    const refused = failedAttempts(blocking, 3);
    server.child.kill('SIGKILL');
    await printed(LOST);
    await refused;
    await restart();
    await printed(BACK);
    await Promise.all([ready(shared), ready(subscriber), ready(worker), ready(blocking)]);

    expect(lines).toEqual([LOST, BACK]);
  });

  it('re-subscribes: a message published after Redis came back reaches the subscriber', async () => {
    const { log, printed } = recordingLog();
    const shared = connect('wait', new RedisConnectionWatch(log));
    const subscriber = shared.duplicate();
    clients.push(subscriber);
    await subscriber.subscribe('news');
    const received: string[] = [];
    subscriber.on('message', (_channel: string, message: string) => received.push(message));

    server.child.kill('SIGKILL');
    await printed(LOST);
    await restart();
    await printed(BACK);
    const delivered = new Promise<void>((resolve) => subscriber.once('message', () => resolve()));
    // Published until heard: the subscriber's SUBSCRIBE goes out right after its own reconnect.
    const publishing = setInterval(() => void shared.publish('news', 'after the restart'), 50);
    await delivered.finally(() => clearInterval(publishing));
    expect(received[0]).toBe('after the restart');
  });

  it('fail-fast: a command while Redis is away is refused at once as an outage; a waiting client’s command completes once it is back', async () => {
    const { log, printed } = recordingLog();
    const watch = new RedisConnectionWatch(log);
    const api = connect('fail-fast', watch);
    const worker = connect('wait', watch);
    await Promise.all([ready(api), ready(worker)]);

    server.child.kill('SIGKILL');
    await printed(LOST);
    const refusal = await api.set('key', 'from the api').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isRedisOutage(refusal, api)).toBe(true);
    const waited = worker.set('key', 'from the worker');
    await restart();
    await expect(waited).resolves.toBe('OK');
    await ready(api);
    await expect(api.get('key')).resolves.toBe('from the worker');
  });

  it('does not take a deliberate quit for an outage', async () => {
    const { lines, log } = recordingLog();
    const shared = connect('wait', new RedisConnectionWatch(log));
    const subscriber = shared.duplicate();
    await subscriber.subscribe('news');
    await subscriber.quit();
    await shared.quit();
    expect(lines).toEqual([]);
  });
});
