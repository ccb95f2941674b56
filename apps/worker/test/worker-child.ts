import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/server/config/env';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import type { INestApplicationContext } from '@nestjs/common';
import { TEST_WORKER_OPTIONS } from '../../api/test/support/test-stack';
import { WorkerModule } from '../src/worker.module';

/** Fault points a test may ask for (argv[3], JSON). */
export interface WorkerChildFaults {
  /** SIGKILL itself right after a job's completion is committed, before anything is published. */
  dieAfterCompletionCommit?: boolean;
}

function installFaults(app: INestApplicationContext, faults: WorkerChildFaults): void {
  if (!faults.dieAfterCompletionCommit) return;
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

/** A worker in its own process, for tests that kill it (argv[2]: the environment as JSON; argv[3]: faults). */
async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env), TEST_WORKER_OPTIONS), { logger: false });
  installFaults(app, JSON.parse(process.argv[3] ?? '{}') as WorkerChildFaults);
  await app.init();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

void main();
