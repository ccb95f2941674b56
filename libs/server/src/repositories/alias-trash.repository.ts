import { z } from 'zod';
import { aliasRevisionSchema, type AliasRevision } from '@app/shared/contracts/api/aliases';
import type { Database } from '../db/database';
import type { AliasTrashTable } from '../db/schema';
import type { StoredAlias } from './aliases.repository';

/** A deleted alias as it was: the row (category by id and name, lower-cased key) and its kept texts. */
export interface AliasSnapshot extends StoredAlias {
  key: string;
  revisions: AliasRevision[];
}

const revisionsSchema = z.array(aliasRevisionSchema);

function toSnapshot({ aliasId, userId: _userId, categoryName, revisions, shared, deletedAt: _deletedAt, ...row }: AliasTrashTable): AliasSnapshot {
  return { ...row, id: aliasId, category: categoryName, shared: shared === 1, revisions: revisionsSchema.parse(JSON.parse(revisions)) };
}

/**
 * Recently deleted aliases, per user (A-8 undo). Only reached through
 * `AliasLibraryRepository.transaction`, so the snapshot and the delete, or the undelete and the
 * removal from here, are one write.
 */
export class AliasTrashRepository {
  constructor(private readonly db: Database) {}

  async put(userId: string, alias: AliasSnapshot, deletedAt: number): Promise<void> {
    const { id, category, shared, revisions, ...row } = alias;
    await this.db
      .insertInto('aliasTrash')
      .values({ ...row, aliasId: id, userId, categoryName: category, shared: shared ? 1 : 0, revisions: JSON.stringify(revisions), deletedAt })
      .execute();
  }

  /** The user's deleted alias, if it was deleted at `since` or later. */
  async find(userId: string, aliasId: string, since: number): Promise<AliasSnapshot | undefined> {
    const row = await this.db.selectFrom('aliasTrash').selectAll().where('userId', '=', userId).where('aliasId', '=', aliasId).where('deletedAt', '>=', since).executeTakeFirst();
    return row && toSnapshot(row);
  }

  async remove(userId: string, aliasId: string): Promise<void> {
    await this.db.deleteFrom('aliasTrash').where('userId', '=', userId).where('aliasId', '=', aliasId).execute();
  }

  /** Drops everyone's entries deleted before `before`, then all but the user's `keep` newest. */
  async trim(userId: string, bounds: { before: number; keep: number }): Promise<void> {
    await this.db.deleteFrom('aliasTrash').where('deletedAt', '<', bounds.before).execute();
    const newest = this.db.selectFrom('aliasTrash').select('aliasId').where('userId', '=', userId).orderBy('deletedAt', 'desc').orderBy('aliasId', 'desc').limit(bounds.keep);
    await this.db.deleteFrom('aliasTrash').where('userId', '=', userId).where('aliasId', 'not in', newest).execute();
  }
}
