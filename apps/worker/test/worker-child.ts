import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/server/config/env';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import type { INestApplicationContext } from '@nestjs/common';
import { TEST_WORKER_OPTIONS } from '../../api/test/support/test-stack';
import { WorkerModule, type WorkerModuleOptions } from '../src/worker.module';

/** How a test wants the worker process to behave (argv[3], JSON). */
export interface WorkerChildOptions {
  /** Keep BullMQ's locks at their production length (tests of how soon another worker takes over). */
  productionLocks?: boolean;
  /** SIGKILL itself right after a job's completion is committed, before anything is published. */
  dieAfterCompletionCommit?: boolean;
}

function installFaults(app: INestApplicationContext, options: WorkerChildOptions): void {
  if (!options.dieAfterCompletionCommit) return;
  const jobs = app.get(JobsRepository);
  const complete = jobs.complete.bind(jobs);
  jobs.complete = async (id, ...rest) => {
    const done = await complete(id, ...rest);
    if (done) {
      // Linux writes to a pipe synchronously: the line is out before the signal lands.
      process.stdout.write(`${JSON.stringify({ diedAfterCompleting: id })}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
    return done;
  };
}

/** A worker in its own process, for tests that kill it (argv[2]: the environment as JSON; argv[3]: WorkerChildOptions). */
async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  const options = JSON.parse(process.argv[3] ?? '{}') as WorkerChildOptions;
  const moduleOptions: WorkerModuleOptions = options.productionLocks ? { pool: TEST_WORKER_OPTIONS.pool } : TEST_WORKER_OPTIONS;
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env), moduleOptions), { logger: false });
  installFaults(app, options);
  await app.init();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

void main();
