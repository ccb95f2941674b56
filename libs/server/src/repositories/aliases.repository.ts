import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { ALIAS_REVISIONS_KEPT, type AliasRevision } from '@app/shared/contracts/api/aliases';
import type { AliasSource } from '@app/shared/prompt/alias-index';
import type { Database } from '../db/database';
import { anyContains } from '../db/contains';
import { DATABASE } from '../db/database.tokens';

/** One alias as stored, with its category's name (null when uncategorised). */
export interface StoredAlias {
  id: string;
  categoryId: string | null;
  category: string | null;
  name: string;
  text: string;
  revision: number;
  shared: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface NewAlias {
  id: string;
  userId: string;
  categoryId: string | null;
  name: string;
  /** Lower-cased `category::name` or `name` (A-1 uniqueness). */
  key: string;
  text: string;
  shared: boolean;
  now: number;
}

export interface AliasChanges {
  categoryId?: string | null;
  name?: string;
  key?: string;
  text?: string;
  shared?: boolean;
}

export interface AliasFilter {
  /** Lower-cased substring of the key or the text. */
  search?: string;
  /** A category id, `null` for uncategorised only, absent for all. */
  categoryId?: string | null;
}

/** Rows per multi-row insert: well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;

function toStoredAlias(row: Omit<StoredAlias, 'shared'> & { shared: number }): StoredAlias {
  return { ...row, shared: row.shared === 1 };
}

/** Per-user aliases and their kept texts (A-1, S-11). Every query is scoped to its owner. */
@Injectable()
export class AliasesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  private filtered(userId: string, filter: AliasFilter) {
    let query = this.db.selectFrom('aliases as a').leftJoin('aliasCategories as c', 'c.id', 'a.categoryId').where('a.userId', '=', userId);
    if (filter.search) {
      query = query.where(anyContains(filter.search, [sql.ref('a.key'), sql`lower(${sql.ref('a.text')})`]));
    }
    if (filter.categoryId === null) query = query.where('a.categoryId', 'is', null);
    else if (filter.categoryId !== undefined) query = query.where('a.categoryId', '=', filter.categoryId);
    return query;
  }

  private selectAliases(userId: string, filter: AliasFilter = {}) {
    return this.filtered(userId, filter).select([
      'a.id',
      'a.categoryId',
      'c.name as category',
      'a.name',
      'a.text',
      'a.revision',
      'a.shared',
      'a.createdAt',
      'a.updatedAt',
    ]);
  }

  /** A page ordered by lower-cased key, after the key `after`; the number of all matches; where the next page starts. */
  async search(userId: string, filter: AliasFilter, page: { after?: string; limit: number }): Promise<{ items: StoredAlias[]; total: number; nextAfter: string | null }> {
    let query = this.selectAliases(userId, filter).select('a.key as sortKey');
    if (page.after !== undefined) query = query.where('a.key', '>', page.after);
    const rows = await query.orderBy('a.key').limit(page.limit + 1).execute();
    const count = await this.filtered(userId, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(({ sortKey: _sortKey, ...row }) => toStoredAlias(row)),
      total: Number(count.n),
      nextAfter: rows.length > page.limit && last ? last.sortKey : null,
    };
  }

  async findById(userId: string, id: string): Promise<StoredAlias | undefined> {
    const row = await this.selectAliases(userId).where('a.id', '=', id).executeTakeFirst();
    return row && toStoredAlias(row);
  }

  /** The id of the alias holding this lower-cased key, if any. */
  async findIdByKey(userId: string, key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('aliases').select('id').where('userId', '=', userId).where('key', '=', key).executeTakeFirst();
    return row?.id;
  }

  /** Every alias of the user in creation order: what export and import compare against. */
  async listAll(userId: string): Promise<StoredAlias[]> {
    const rows = await this.selectAliases(userId).orderBy('a.createdAt').orderBy('a.id').execute();
    return rows.map(toStoredAlias);
  }

  /**
   * What `buildAliasIndex` needs to expand a user's prompts, with id and revision for the trace
   * one query, creation order. The worker calls this once per job.
   */
  listForExpansion(userId: string): Promise<AliasSource[]> {
    return this.db
      .selectFrom('aliases as a')
      .leftJoin('aliasCategories as c', 'c.id', 'a.categoryId')
      .select(['a.id', 'c.name as category', 'a.name', 'a.text', 'a.revision'])
      .where('a.userId', '=', userId)
      .orderBy('a.createdAt')
      .orderBy('a.id')
      .execute();
  }

  async count(userId: string): Promise<number> {
    const row = await this.db.selectFrom('aliases').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(aliases: readonly NewAlias[]): Promise<void> {
    for (let i = 0; i < aliases.length; i += INSERT_CHUNK) {
      const rows = aliases.slice(i, i + INSERT_CHUNK).map(({ now, shared, ...alias }) => ({ ...alias, shared: shared ? 1 : 0, revision: 1, createdAt: now, updatedAt: now }));
      await this.db.insertInto('aliases').values(rows).execute();
    }
  }

  /** Puts a deleted alias back as it was (id, revision, times) with its kept texts (A-8 undelete). */
  async reinsert(alias: Omit<NewAlias, 'now'> & Pick<StoredAlias, 'revision' | 'createdAt' | 'updatedAt'>, revisions: readonly AliasRevision[]): Promise<void> {
    const { shared, ...row } = alias;
    await this.db.insertInto('aliases').values({ ...row, shared: shared ? 1 : 0 }).execute();
    if (revisions.length > 0) await this.db.insertInto('aliasRevisions').values(revisions.map((kept) => ({ aliasId: alias.id, ...kept }))).execute();
  }

  /**
   * Applies an edit made against the revision `current` was read at and moves to the next revision;
   * a replaced text is kept (the newest `ALIAS_REVISIONS_KEPT`). False when the alias has moved on
   * meanwhile (S-11), so two writers can never both pass the check. Two statements: call it inside
   * `AliasLibraryRepository.transaction`.
   */
  async update(current: Pick<StoredAlias, 'id' | 'revision' | 'text'>, changes: AliasChanges, now: number): Promise<boolean> {
    const { shared, ...rest } = changes;
    const result = await this.db
      .updateTable('aliases')
      .set({ ...rest, ...(shared === undefined ? {} : { shared: shared ? 1 : 0 }), revision: current.revision + 1, updatedAt: now })
      .where('id', '=', current.id)
      .where('revision', '=', current.revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (changes.text !== undefined && changes.text !== current.text) await this.keepRevision(current.id, { revision: current.revision, text: current.text, createdAt: now });
    return true;
  }

  /** Rewrites the lower-cased keys of a category's aliases after a rename. */
  async rekeyCategory(categoryId: string, categoryName: string): Promise<void> {
    const prefix = `${categoryName.toLowerCase()}::`;
    await this.db
      .updateTable('aliases')
      .set({ key: sql<string>`${prefix} || lower(${sql.ref('name')})` })
      .where('categoryId', '=', categoryId)
      .execute();
  }

  async delete(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.deleteFrom('aliases').where('userId', '=', userId).where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async keepRevision(aliasId: string, revision: AliasRevision): Promise<void> {
    await this.db.insertInto('aliasRevisions').values({ aliasId, ...revision }).execute();
    const newest = this.db.selectFrom('aliasRevisions').select('revision').where('aliasId', '=', aliasId).orderBy('revision', 'desc').limit(ALIAS_REVISIONS_KEPT);
    await this.db.deleteFrom('aliasRevisions').where('aliasId', '=', aliasId).where('revision', 'not in', newest).execute();
  }

  /** Kept texts, newest first. */
  listRevisions(aliasId: string): Promise<AliasRevision[]> {
    return this.db
      .selectFrom('aliasRevisions')
      .select(['revision', 'text', 'createdAt'])
      .where('aliasId', '=', aliasId)
      .orderBy('revision', 'desc')
      .limit(ALIAS_REVISIONS_KEPT)
      .execute();
  }

  async findRevision(aliasId: string, revision: number): Promise<AliasRevision | undefined> {
    return this.db
      .selectFrom('aliasRevisions')
      .select(['revision', 'text', 'createdAt'])
      .where('aliasId', '=', aliasId)
      .where('revision', '=', revision)
      .executeTakeFirst();
  }
}
