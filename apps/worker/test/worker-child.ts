import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/server/config/env';
import { TEST_WORKER_OPTIONS } from '../../api/test/support/test-stack';
import { WorkerModule } from '../src/worker.module';

/** A worker in its own process, for tests that kill it (argv[2]: the environment as JSON). */
async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env), TEST_WORKER_OPTIONS), { logger: false });
  await app.init();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

void main();
