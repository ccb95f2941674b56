import { startRedisServer } from '../redis/redis-process';

/**
 * Starts one throw-away redis-server for the whole jest run unless the test runner already
 * did (TEST_REDIS_URL). Each test file isolates itself with its own key prefix.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_REDIS_URL) return;
  const redis = await startRedisServer();
  process.env.TEST_REDIS_URL = redis.url;
  (globalThis as { __testRedis?: typeof redis }).__testRedis = redis;
}
