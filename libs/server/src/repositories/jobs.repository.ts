import { Inject, Injectable } from '@nestjs/common';
import { jobErrorSchema, type JobError } from '@app/shared/contracts/api/generations';
import { formValuesSchema, type FormValues } from '@app/shared/form/field-types';
import { jobStatusSchema, statusAfter, statusesAccepting, type JobEvent, type JobStatus } from '@app/shared/jobs/job-state';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { DB, JobsTable, OutputsTable } from '../db/schema';
import { appendJobEvents, type StateEvent } from '../events/job-event-outbox';

const keysSchema = z.array(z.string());

export interface JobRecord {
  id: string;
  userId: string;
  workflowId: string;
  workflowVersion: number;
  batchId: string | null;
  status: JobStatus;
  values: FormValues;
  randomize: string[];
  bypass: string[];
  resolvedValues: FormValues;
  seed: number;
  compiledGraph: Record<string, unknown> | null;
  backendId: string | null;
  clientId: string | null;
  error: JobError | null;
  retryOf: string | null;
  attempts: number;
  cancelRequestedAt: number | null;
  queuedAt: number;
  dispatchedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  ingestedAt: number | null;
  /** The seq of its latest state event (J-6). */
  eventSeq: number;
}

export interface NewJob {
  id: string;
  userId: string;
  workflowId: string;
  workflowVersion: number;
  batchId: string | null;
  values: FormValues;
  randomize: string[];
  bypass: string[];
  resolvedValues: FormValues;
  seed: number;
  retryOf: string | null;
}

export interface JobPromptRecord {
  field: string;
  raw: string;
  expanded: string;
  trace: unknown[];
}

export type NewOutput = Omit<OutputsTable, 'deletedAt'>;

function toRecord(row: JobsTable): JobRecord {
  return {
    ...row,
    status: jobStatusSchema.parse(row.status),
    values: formValuesSchema.parse(JSON.parse(row.values)),
    randomize: keysSchema.parse(JSON.parse(row.randomize)),
    bypass: keysSchema.parse(JSON.parse(row.bypass)),
    resolvedValues: formValuesSchema.parse(JSON.parse(row.resolvedValues)),
    compiledGraph: row.compiledGraph ? z.record(z.string(), z.unknown()).parse(JSON.parse(row.compiledGraph)) : null,
    error: row.error ? jobErrorSchema.parse(JSON.parse(row.error)) : null,
  };
}

/** Keyset cursor over (queued_at, id), newest first. */
export interface JobCursor {
  queuedAt: number;
  id: string;
}

/**
 * Jobs and their lineage. Every status change is a compare-and-set from the statuses the
 * shared state machine allows, so a late or duplicate event can never resurrect an ended job.
 */
@Injectable()
export class JobsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** All jobs of one submission, or none (B-1), each with its first state event, `job.queued` (seq 1). */
  async createMany(jobs: readonly NewJob[], now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const job of jobs) {
        await trx
          .insertInto('jobs')
          .values({
            ...job,
            status: 'queued',
            values: JSON.stringify(job.values),
            randomize: JSON.stringify(job.randomize),
            bypass: JSON.stringify(job.bypass),
            resolvedValues: JSON.stringify(job.resolvedValues),
            compiledGraph: null,
            backendId: null,
            clientId: null,
            error: null,
            attempts: 0,
            cancelRequestedAt: null,
            queuedAt: now,
            dispatchedAt: null,
            startedAt: null,
            finishedAt: null,
            ingestedAt: null,
            updatedAt: now,
            eventSeq: 1,
          })
          .execute();
        await appendJobEvents(trx, job, 0, [{ event: 'job.queued', payload: { position: null } }], now);
      }
    });
  }

  /** Undoes a submission whose enqueue failed, so nothing is left half-done. */
  async deleteMany(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.db.deleteFrom('jobs').where('id', 'in', [...ids]).execute();
  }

  /** Per backend: our jobs in its queue (`dispatched`) and running there (E-2). */
  async countByBackend(): Promise<Map<string, { running: number; waiting: number }>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['backendId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['dispatched', 'running', 'ingesting'])
      .where('backendId', 'is not', null)
      .groupBy(['backendId', 'status'])
      .execute();
    const counts = new Map<string, { running: number; waiting: number }>();
    for (const row of rows) {
      const entry = counts.get(row.backendId ?? '') ?? { running: 0, waiting: 0 };
      if (row.status === 'dispatched') entry.waiting += Number(row.n);
      else entry.running += Number(row.n);
      counts.set(row.backendId ?? '', entry);
    }
    return counts;
  }

  async countQueued(): Promise<number> {
    const row = await this.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'queued').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** U-10: jobs of a user not yet ended or in flight. */
  async countWaiting(userId: string): Promise<number> {
    const row = await this.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('status', '=', 'queued').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async find(id: string): Promise<JobRecord | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** U-5: another user's job is simply not found. */
  async findForUser(id: string, userId: string): Promise<JobRecord | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
    return row && toRecord(row);
  }

  async listForUser(userId: string, limit: number, after?: JobCursor): Promise<JobRecord[]> {
    let query = this.db.selectFrom('jobs').selectAll().where('userId', '=', userId);
    if (after) {
      query = query.where((eb) => eb.or([eb('queuedAt', '<', after.queuedAt), eb.and([eb('queuedAt', '=', after.queuedAt), eb('id', '<', after.id)])]));
    }
    const rows = await query.orderBy('queuedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  async listByStatus(statuses: readonly JobStatus[]): Promise<JobRecord[]> {
    const rows = await this.db.selectFrom('jobs').selectAll().where('status', 'in', [...statuses]).orderBy('queuedAt').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /**
   * Applies a lifecycle event if the job is in a status that accepts it; false otherwise. `events`
   * go to the outbox in the same transaction, numbered after the job's last one (J-6).
   */
  async transition(id: string, event: JobEvent['type'], changes: TransitionChanges, now: number, events: readonly StateEvent[] = []): Promise<boolean> {
    return this.db.transaction().execute((trx) => applyTransition(trx, id, event, changes, now, events));
  }

  /** Records what was sent: the compiled graph and each text field's raw and expanded text (J-11). */
  async recordCompilation(id: string, compiledGraph: unknown, prompts: readonly JobPromptRecord[], now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('jobs').set({ compiledGraph: JSON.stringify(compiledGraph), updatedAt: now }).where('id', '=', id).execute();
      await trx.deleteFrom('jobPrompts').where('jobId', '=', id).execute();
      for (const prompt of prompts) {
        await trx.insertInto('jobPrompts').values({ jobId: id, field: prompt.field, raw: prompt.raw, expanded: prompt.expanded, trace: JSON.stringify(prompt.trace) }).execute();
      }
    });
  }

  async prompts(id: string): Promise<JobPromptRecord[]> {
    const rows = await this.db.selectFrom('jobPrompts').selectAll().where('jobId', '=', id).orderBy('field').execute();
    return rows.map((r) => ({ field: r.field, raw: r.raw, expanded: r.expanded, trace: z.array(z.unknown()).parse(JSON.parse(r.trace)) }));
  }

  async countAttempt(id: string, now: number): Promise<void> {
    await this.db.updateTable('jobs').set((eb) => ({ attempts: eb('attempts', '+', 1), updatedAt: now })).where('id', '=', id).execute();
  }

  async requestCancel(id: string, now: number): Promise<void> {
    await this.db.updateTable('jobs').set({ cancelRequestedAt: now, updatedAt: now }).where('id', '=', id).where('cancelRequestedAt', 'is', null).execute();
  }

  /**
   * Ingest's one transaction (J-11): every output row and the job's completion together, so a
   * job is never completed without its outputs nor outputs left without a completed job.
   */
  async complete(id: string, outputs: readonly NewOutput[], now: number, events: readonly StateEvent[]): Promise<boolean> {
    return this.endWithOutputs(id, 'complete', { ingestedAt: now }, outputs, now, events);
  }

  /**
   * A job that failed yet made files (ComfyUI ran the valid part of a graph it refused in part):
   * the failure and those outputs in one transaction, so the files are the job's, not orphans.
   */
  async failWithOutputs(id: string, error: JobError, outputs: readonly NewOutput[], now: number, events: readonly StateEvent[]): Promise<boolean> {
    return this.endWithOutputs(id, 'fail', { finishedAt: now, ingestedAt: now, error }, outputs, now, events);
  }

  private endWithOutputs(id: string, event: 'complete' | 'fail', changes: TransitionChanges, outputs: readonly NewOutput[], now: number, events: readonly StateEvent[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await applyTransition(trx, id, event, changes, now, events))) return false;
      for (const output of outputs) await trx.insertInto('outputs').values({ ...output, deletedAt: null }).execute();
      return true;
    });
  }

  async outputCounts(jobIds: readonly string[]): Promise<Map<string, number>> {
    if (jobIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('outputs')
      .select(['jobId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('jobId', 'in', [...jobIds])
      .where('deletedAt', 'is', null)
      .groupBy('jobId')
      .execute();
    return new Map(rows.map((r) => [r.jobId, Number(r.n)]));
  }

  /** Each job's first output (by node, then batch index), for list covers. */
  async firstOutputs(jobIds: readonly string[]): Promise<Map<string, OutputsTable>> {
    if (jobIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('outputs').selectAll().where('jobId', 'in', [...jobIds]).where('deletedAt', 'is', null).orderBy('nodeId').orderBy('batchIndex').execute();
    const first = new Map<string, OutputsTable>();
    for (const row of rows) if (!first.has(row.jobId)) first.set(row.jobId, row);
    return first;
  }

  async outputsOf(jobId: string): Promise<OutputsTable[]> {
    return this.db.selectFrom('outputs').selectAll().where('jobId', '=', jobId).where('deletedAt', 'is', null).orderBy('nodeId').orderBy('batchIndex').execute();
  }
}

type TransitionChanges = Partial<Pick<JobsTable, 'backendId' | 'clientId' | 'dispatchedAt' | 'startedAt' | 'finishedAt' | 'ingestedAt'>> & { error?: JobError };

/** In the caller's transaction: the compare-and-set, then the events it announces, numbered on from the job's last. */
async function applyTransition(trx: Kysely<DB>, id: string, event: JobEvent['type'], changes: TransitionChanges, now: number, events: readonly StateEvent[]): Promise<boolean> {
  const target = statusAfter(event);
  const { error, ...rest } = changes;
  const moved = await trx
    .updateTable('jobs')
    .set((eb) => ({ ...rest, ...(error ? { error: JSON.stringify(error) } : {}), status: target, updatedAt: now, eventSeq: eb('eventSeq', '+', events.length) }))
    .where('id', '=', id)
    .where('status', 'in', statusesAccepting(event))
    .returning(['userId', 'eventSeq'])
    .executeTakeFirst();
  if (!moved) return false;
  await appendJobEvents(trx, { id, userId: moved.userId }, moved.eventSeq - events.length, events, now);
  return true;
}
