import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { OutputsTable } from '../db/schema';

/** What serving an output's files needs to know about it. */
export type StoredOutput = Pick<OutputsTable, 'id' | 'userId' | 'kind' | 'mime' | 'ext' | 'bytes' | 'sha256' | 'relPath' | 'createdAt'>;

export interface OutputCursor {
  createdAt: number;
  id: string;
}

/** An output row with the workflow of the job that made it. */
export type OutputWithWorkflow = OutputsTable & { workflowId: string };

/** Generated outputs (J-11). */
@Injectable()
export class OutputsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The user's own output, unless it is in the trash or purged (G-9). */
  findLiveForUser(userId: string, id: string): Promise<StoredOutput | undefined> {
    return this.db
      .selectFrom('outputs')
      .select(['id', 'userId', 'kind', 'mime', 'ext', 'bytes', 'sha256', 'relPath', 'createdAt'])
      .where('id', '=', id)
      .where('userId', '=', userId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
  }

  /** G-1/G-2: the user's outputs, newest first, keyset-paged on (created_at, id). */
  async listForUser(userId: string, page: { limit: number; after?: OutputCursor; workflowId?: string }): Promise<OutputWithWorkflow[]> {
    let query = this.db
      .selectFrom('outputs')
      .innerJoin('jobs', 'jobs.id', 'outputs.jobId')
      .selectAll('outputs')
      .select('jobs.workflowId')
      .where('outputs.userId', '=', userId)
      .where('outputs.deletedAt', 'is', null);
    if (page.workflowId) query = query.where('jobs.workflowId', '=', page.workflowId);
    const after = page.after;
    if (after) {
      query = query.where((eb) => eb.or([eb('outputs.createdAt', '<', after.createdAt), eb.and([eb('outputs.createdAt', '=', after.createdAt), eb('outputs.id', '<', after.id)])]));
    }
    return query.orderBy('outputs.createdAt', 'desc').orderBy('outputs.id', 'desc').limit(page.limit).execute();
  }

  async findForUser(userId: string, id: string): Promise<OutputsTable | undefined> {
    return this.db.selectFrom('outputs').selectAll().where('id', '=', id).where('userId', '=', userId).where('deletedAt', 'is', null).executeTakeFirst();
  }

  /** Which of these ids have a row (whatever its state): files of any other are nobody's. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('outputs').select('id').where('id', 'in', [...ids]).execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Removes the row; the caller removes its files afterwards (a crash leaves files, never a row without one). */
  async delete(userId: string, id: string): Promise<OutputsTable | undefined> {
    const row = await this.findForUser(userId, id);
    if (!row) return undefined;
    await this.db.deleteFrom('outputs').where('id', '=', id).where('userId', '=', userId).execute();
    return row;
  }
}
