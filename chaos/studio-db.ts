import { openDatabase, type Database } from '@app/server/db/database';
import { TERMINAL_STATUSES, type JobStatus } from '@app/shared/jobs/job-state';
import type { ExpectedFiles } from './data-files';

/** The columns of a job the checks read. */
export interface JobRow {
  id: string;
  userId: string;
  batchId: string | null;
  status: JobStatus;
  backendId: string | null;
  attempts: number;
  updatedAt: number;
}

export interface OutputRow {
  id: string;
  jobId: string;
  relPath: string;
  bytes: number;
  nodeId: string;
  batchIndex: number;
}

/**
 * The studio's SQLite file read directly, beside the processes that write it (WAL lets readers
 * in at any time): how the harness sees a job `ingesting` the moment it is, and what the
 * database holds to compare files and the api against. It never writes.
 */
export class StudioDb {
  private readonly db: Database;

  constructor(file: string) {
    this.db = openDatabase({ kind: 'sqlite', file });
  }

  async jobs(ids: readonly string[]): Promise<JobRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('jobs').select(['id', 'userId', 'batchId', 'status', 'backendId', 'attempts', 'updatedAt']).where('id', 'in', [...ids]).execute();
    return rows.map((row) => ({ ...row, status: row.status as JobStatus }));
  }

  /** Jobs not ended yet, of any cycle. */
  async openJobIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('jobs').select('id').where('status', 'not in', [...TERMINAL_STATUSES]).execute();
    return rows.map((row) => row.id);
  }

  /** Ids of jobs in one status right now. */
  async idsIn(status: JobStatus, among: readonly string[]): Promise<string[]> {
    if (among.length === 0) return [];
    const rows = await this.db.selectFrom('jobs').select('id').where('status', '=', status).where('id', 'in', [...among]).execute();
    return rows.map((row) => row.id);
  }

  /** When the first job row changed after `since` (the worker at work again), if one has. */
  async firstUpdateAfter(since: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('jobs').select((eb) => eb.fn.min('updatedAt').as('first')).where('updatedAt', '>', since).executeTakeFirst();
    return row?.first ?? undefined;
  }

  /** Every job of these batches (a batch is the jobs of one submission). */
  async batchMembers(batchIds: readonly string[]): Promise<{ id: string; batchId: string | null }[]> {
    if (batchIds.length === 0) return [];
    return this.db.selectFrom('jobs').select(['id', 'batchId']).where('batchId', 'in', [...batchIds]).execute();
  }

  async outputsOf(jobIds: readonly string[]): Promise<OutputRow[]> {
    if (jobIds.length === 0) return [];
    return this.db.selectFrom('outputs').select(['id', 'jobId', 'relPath', 'bytes', 'nodeId', 'batchIndex']).where('jobId', 'in', [...jobIds]).where('deletedAt', 'is', null).execute();
  }

  async expectedFiles(): Promise<ExpectedFiles> {
    const outputs = await this.db.selectFrom('outputs').select(['id', 'relPath']).where('deletedAt', 'is', null).execute();
    const uploads = await this.db.selectFrom('uploads').select(['id', 'relPath']).execute();
    return {
      outputPaths: new Set(outputs.map((o) => o.relPath)),
      thumbnailOwners: new Set([...outputs.map((o) => o.id), ...uploads.map((u) => u.id)]),
      uploadPaths: new Set(uploads.map((u) => u.relPath)),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
