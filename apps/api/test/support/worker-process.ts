import { startTsChild, type TsChild } from '@app/server/comfy/testing/ts-child-process';
import { resolve } from 'node:path';
import type { WorkerChildOptions } from '../../../worker/test/worker-child';
import type { TestStack } from './test-stack';

/** A worker in a process of its own on the stack's database, Redis and stand-in, ready when this resolves: a test can SIGKILL it. */
export async function startWorkerProcess(stack: TestStack, options: WorkerChildOptions = {}): Promise<TsChild> {
  const { config } = stack.api;
  const env = {
    DATA_DIR: config.dataDir,
    ...(config.database.kind === 'postgres' ? { DATABASE_URL: config.database.url } : {}),
    REDIS_URL: config.redisUrl ?? '',
    REDIS_PREFIX: config.redisPrefix,
    COMFYUI_URLS: stack.sim.url,
    LOG_LEVEL: 'silent',
  };
  const child = await startTsChild(resolve(__dirname, '../../../worker/test/worker-child.ts'), [JSON.stringify(env), JSON.stringify(options)]);
  const ready = await child.nextMessage();
  if (JSON.stringify(ready) !== JSON.stringify({ ready: true })) throw new Error(`worker process said ${JSON.stringify(ready)} instead of ready`);
  return child;
}
