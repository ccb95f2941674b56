import { startTsChild, type TsChild } from '@app/server/comfy/testing/ts-child-process';
import { resolve } from 'node:path';
import type { TestStack } from './test-stack';

/**
 * A worker of `stack` in a process of its own, to be SIGKILLed. `productionLocks`: BullMQ locks as
 * a real worker holds them, for tests that measure how soon another worker takes its jobs over.
 */
export async function startWorkerChild(stack: TestStack, options: { productionLocks?: boolean } = {}): Promise<TsChild> {
  const { config } = stack.api;
  const env = { DATA_DIR: config.dataDir, ...(config.database.kind === 'postgres' ? { DATABASE_URL: config.database.url } : {}), REDIS_URL: config.redisUrl ?? '', REDIS_PREFIX: config.redisPrefix, COMFYUI_URLS: stack.sim.url, LOG_LEVEL: 'silent' };
  const child = await startTsChild(resolve(__dirname, '../../../worker/test/worker-child.ts'), [JSON.stringify(env), JSON.stringify(options)]);
  const ready = await child.nextMessage();
  if (JSON.stringify(ready) !== JSON.stringify({ ready: true })) throw new Error(`worker child said ${JSON.stringify(ready)}`);
  return child;
}
