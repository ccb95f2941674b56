import { Inject, Injectable } from '@nestjs/common';
import type { JobDetail, JobSummary, OutputView } from '@app/shared/contracts/api/generations';
import type { OutputsTable } from '@app/server/db/schema';
import { outputView } from '@app/server/media/output-view';
import { BackendsRepository } from '@app/server/repositories/backends.repository';
import { JobsRepository, type JobRecord } from '@app/server/repositories/jobs.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { MediaUrls } from '@app/server/media/media-urls';
import { GENERATE_QUEUE } from '@app/server/queue/queue.module';
import { queuePositions } from '@app/server/queue/queue-positions';
import { REDIS } from '@app/server/redis/redis.module';
import { isRedisOutage } from '@app/server/redis/watched-redis';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** Shapes job rows into the api's views, with signed media URLs for the viewer. */
@Injectable()
export class JobViews {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly workflows: WorkflowsRepository,
    private readonly backends: BackendsRepository,
    private readonly media: MediaUrls,
    @Inject(GENERATE_QUEUE) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Places in line come from Redis; while it is away the jobs still list, their places unknown. */
  private positions(queuedIds: readonly string[]): Promise<Map<string, number>> {
    return queuePositions(this.redis, this.queue, queuedIds).catch((error: unknown) => {
      if (isRedisOutage(error, this.redis)) return new Map<string, number>();
      throw error;
    });
  }

  async summaries(jobs: readonly JobRecord[]): Promise<JobSummary[]> {
    const counts = await this.jobs.outputCounts(jobs.map((j) => j.id));
    const covers = await this.jobs.firstOutputs(jobs.filter((j) => counts.has(j.id)).map((j) => j.id));
    const positions = await this.positions(jobs.filter((j) => j.status === 'queued').map((j) => j.id));
    const workflowNames = await namesOf(jobs.map((j) => j.workflowId), (id) => this.workflows.nameOf(id));
    const backendNames = await namesOf(jobs.flatMap((j) => (j.backendId ? [j.backendId] : [])), (id) => this.backends.nameOf(id));
    return jobs.map((job) => ({
      id: job.id,
      workflowId: job.workflowId,
      workflowName: workflowNames.get(job.workflowId) ?? 'deleted workflow',
      workflowVersion: job.workflowVersion,
      status: job.status,
      position: positions.get(job.id) ?? null,
      seed: job.seed,
      backend: job.backendId ? (backendNames.get(job.backendId) ?? null) : null,
      error: job.error,
      timings: { queuedAt: job.queuedAt, dispatchedAt: job.dispatchedAt, startedAt: job.startedAt, finishedAt: job.finishedAt, ingestedAt: job.ingestedAt },
      retryOf: job.retryOf,
      outputCount: counts.get(job.id) ?? 0,
      cover: covers.has(job.id) ? this.output(job.userId, covers.get(job.id)!) : null,
      seq: job.eventSeq,
    }));
  }

  async detail(job: JobRecord): Promise<JobDetail> {
    const [summary] = await this.summaries([job]);
    const outputs = await this.jobs.outputsOf(job.id);
    return {
      ...summary!,
      values: job.values,
      randomize: job.randomize,
      bypass: job.bypass,
      resolvedValues: job.resolvedValues,
      prompts: await this.jobs.prompts(job.id),
      outputs: outputs.map((o) => this.output(job.userId, o)),
      attempts: job.attempts,
    };
  }

  output(userId: string, row: OutputsTable): OutputView {
    return outputView(row, this.media.urlsForOutput({ id: userId }, row));
  }
}

async function namesOf(ids: readonly string[], lookup: (id: string) => Promise<string | undefined>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const name = await lookup(id);
    if (name !== undefined) names.set(id, name);
  }
  return names;
}
