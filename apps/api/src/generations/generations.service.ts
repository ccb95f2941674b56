import { Inject, Injectable } from '@nestjs/common';
import type { CreateGeneration, CreatedGenerations, JobDetail, JobList, PageQuery } from '@app/shared/contracts/api/generations';
import { ConflictError, LimitError, NotFoundError, ValidationError, type FieldError } from '@app/shared/contracts/errors';
import type { FormSchema, FormValues } from '@app/shared/form/field-types';
import { planRuns } from '@app/shared/form/plan-runs';
import { validateValues } from '@app/shared/form/validate-values';
import { isTerminal } from '@app/shared/jobs/job-state';
import { JobsRepository, type NewJob } from '@app/server/repositories/jobs.repository';
import { UploadsRepository } from '@app/server/repositories/uploads.repository';
import { WorkflowMemoryRepository } from '@app/server/repositories/workflow-memory.repository';
import { Clock } from '@app/server/system/clock';
import { isUuid, newId } from '@app/server/system/ids';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { RunCaps } from '../workflows/run-caps.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { decodeCursor, encodeCursor } from '../common/page-cursor';
import { Dispatcher } from './dispatcher.service';
import { JobViews } from './job-views.service';

/** Keyset of job pages: (queued at, id). */
const TIME_ID = z.tuple([z.number(), z.string()]);

/** U-10 default: at most this many of a user's jobs may wait. */
export const MAX_WAITING_JOBS = 2000;

/** Randomize draws at enqueue (W-16) use the OS generator: the drawn values are recorded. */
const RANDOM_SPAN = 2 ** 48 - 1; // randomInt's largest allowed range
const osRandom = () => randomInt(RANDOM_SPAN) / RANDOM_SPAN;

const withPrefix = (errors: readonly FieldError[], prefix: string) => errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` }));

/** Submitting, reading, cancelling and retrying one's own jobs (§3). */
@Injectable()
export class GenerationsService {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly jobs: JobsRepository,
    private readonly dispatcher: Dispatcher,
    private readonly views: JobViews,
    private readonly memory: WorkflowMemoryRepository,
    private readonly uploads: UploadsRepository,
    private readonly caps: RunCaps,
    private readonly clock: Clock,
  ) {}

  async submit(user: AuthUser, input: CreateGeneration): Promise<CreatedGenerations> {
    const workflow = await this.workflows.live(input.workflowId).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new ValidationError('Unknown workflow', [{ field: 'body.workflowId', message: 'no such workflow' }]);
      throw error;
    });
    const bypass = input.bypass ?? [];
    const randomize = input.randomize ?? [];
    const valid = validateValues(workflow.schema, input.values, { bypass });
    if (!valid.ok) throw new ValidationError('Some values are not valid', withPrefix(valid.errors, 'body'));
    await this.assertOwnUploads(user, workflow.schema, valid.values);
    const plan = planRuns(workflow.schema, valid.values, { randomize, bypass, count: input.count, random: osRandom });
    if (!plan.ok) throw new ValidationError('Some switches are not valid', withPrefix(plan.errors, 'body'));
    await this.caps.assertWithin(workflow.schema, plan.runs.map((run) => run.values), bypass);

    const waiting = await this.jobs.countWaiting(user.id);
    if (waiting + plan.runs.length > MAX_WAITING_JOBS) {
      throw new LimitError(`Too many waiting jobs: ${waiting} waiting + ${plan.runs.length} new exceeds the limit of ${MAX_WAITING_JOBS}`);
    }
    const batchId = plan.runs.length > 1 ? newId() : null;
    const jobs: NewJob[] = plan.runs.map((run) => ({
      id: newId(),
      userId: user.id,
      workflowId: workflow.record.id,
      workflowVersion: workflow.record.version,
      batchId,
      values: input.values,
      randomize,
      bypass,
      resolvedValues: run.values,
      seed: run.seed,
      retryOf: null,
    }));
    await this.dispatcher.enqueue(user.id, jobs);
    await this.memory.save(user.id, workflow.record.id, { values: input.values, randomize, bypass }, this.clock.now());
    return { jobs: jobs.map((j) => ({ id: j.id })) };
  }

  async list(user: AuthUser, query: PageQuery): Promise<JobList> {
    const after = decodeCursor(query.cursor, TIME_ID);
    const jobs = await this.jobs.listForUser(user.id, query.limit + 1, after && { queuedAt: after[0], id: after[1] });
    const page = jobs.slice(0, query.limit);
    const last = page.at(-1);
    return { items: await this.views.summaries(page), nextCursor: jobs.length > query.limit && last ? encodeCursor([last.queuedAt, last.id]) : null };
  }

  async detail(user: AuthUser, id: string): Promise<JobDetail> {
    return this.views.detail(await this.own(user, id));
  }

  async cancel(user: AuthUser, id: string): Promise<{ id: string; status: string; cancelRequested: boolean }> {
    const job = await this.own(user, id);
    if (isTerminal(job.status)) throw new ConflictError(`The job has already ${job.status === 'completed' ? 'completed' : `been ${job.status}`}`);
    const status = await this.dispatcher.cancel(job);
    return { id, status, cancelRequested: status !== 'cancelled' };
  }

  /**
   * J-9: an ended job runs again as a new job of the same workflow version with the same resolved
   * values, or with new draws from that version's form (docs/pipeline.md "Retries keep the version").
   */
  async retry(user: AuthUser, id: string, newSeed: boolean): Promise<CreatedGenerations> {
    const job = await this.own(user, id);
    if (!isTerminal(job.status)) throw new ConflictError('Only an ended job can be retried');
    let values = job.resolvedValues;
    let seed = job.seed;
    const schema = await this.workflows.versionForm(job.workflowId, job.workflowVersion);
    if (newSeed) {
      if (!schema) throw new NotFoundError('Workflow version not found');
      const plan = planRuns(schema, job.values, { randomize: job.randomize, bypass: job.bypass, count: 1, random: osRandom });
      if (!plan.ok || !plan.runs[0]) throw new ValidationError('The job’s values no longer fit its workflow', plan.ok ? [] : withPrefix(plan.errors, 'body'));
      ({ values, seed } = plan.runs[0]);
    }
    // Today's caps on the version the retry runs; a version that is gone fails in the worker as before.
    if (schema) await this.caps.assertWithin(schema, [values], job.bypass);
    const retry: NewJob = {
      id: newId(),
      userId: job.userId,
      workflowId: job.workflowId,
      workflowVersion: job.workflowVersion,
      batchId: null,
      values: job.values,
      randomize: job.randomize,
      bypass: job.bypass,
      resolvedValues: values,
      seed,
      retryOf: job.id,
    };
    await this.dispatcher.enqueue(user.id, [retry]);
    return { jobs: [{ id: retry.id }] };
  }

  /** An image value names an upload; it must be one of the caller's own (U-5). */
  private async assertOwnUploads(user: AuthUser, schema: FormSchema, values: FormValues): Promise<void> {
    const errors: FieldError[] = [];
    for (const field of schema.fields.filter((f) => f.type === 'image')) {
      const value = values[field.name];
      if (typeof value === 'string' && !(isUuid(value) && (await this.uploads.findForUser(user.id, value)))) {
        errors.push({ field: `body.values.${field.name}`, message: 'no such upload' });
      }
    }
    if (errors.length > 0) throw new ValidationError('Some images are not available', errors);
  }

  /** U-5: someone else's job is simply not found. */
  private async own(user: AuthUser, id: string) {
    const job = await this.jobs.findForUser(id, user.id);
    if (!job) throw new NotFoundError('Job not found');
    return job;
  }
}
