import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/server/config/env';
import { TEST_WORKER_OPTIONS } from '../../api/test/support/test-stack';
import { WorkerModule, type WorkerModuleOptions } from '../src/worker.module';

/**
 * A worker in its own process, for tests that kill it. argv[2]: the environment as JSON; argv[3]:
 * `{"productionLocks": true}` keeps BullMQ's locks at their production length.
 */
async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  const { productionLocks = false } = JSON.parse(process.argv[3] ?? '{}') as { productionLocks?: boolean };
  const options: WorkerModuleOptions = productionLocks ? { pool: TEST_WORKER_OPTIONS.pool } : TEST_WORKER_OPTIONS;
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env), options), { logger: false });
  await app.init();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

void main();
