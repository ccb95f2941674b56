import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Database } from '@app/server/db/database';
import { anyContains } from '@app/server/db/contains';
import { DATABASE } from '@app/server/db/database.tokens';
import type { SharedAlias, SharedAliasCategory } from '@app/shared/contracts/api/aliases';
import { lookupKey } from '@app/shared/prompt/alias-syntax';

/** Where a page of shared aliases ended: the last alias's lower-cased key and id. */
export interface SharedAliasCursor {
  key: string;
  id: string;
}

/** U-5: reads other users' shared aliases. Nothing here reaches anyone's expansion. */
@Injectable()
export class SharedAliasesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  private sharedRows(viewerId: string) {
    return this.db
      .selectFrom('aliases as a')
      .innerJoin('users as u', 'u.id', 'a.userId')
      .leftJoin('aliasCategories as c', 'c.id', 'a.categoryId')
      .where('a.shared', '=', 1)
      .where('a.userId', '!=', viewerId);
  }

  private shared(viewerId: string) {
    return this.sharedRows(viewerId).select(['a.id', 'c.name as category', 'a.name', 'a.key as sortKey', 'a.text', 'a.updatedAt', 'u.displayName as ownerName']);
  }

  /** Up to `limit + 1` aliases ordered by key then id, after the cursor; `search` is lower-cased. */
  async list(viewerId: string, search: string | undefined, after: SharedAliasCursor | undefined, limit: number): Promise<(Omit<SharedAlias, 'key'> & { sortKey: string })[]> {
    let query = this.shared(viewerId);
    if (search) {
      query = query.where(anyContains(search, [sql.ref('a.key'), sql`lower(${sql.ref('a.text')})`]));
    }
    if (after) query = query.where((eb) => eb.or([eb('a.key', '>', after.key), eb.and([eb('a.key', '=', after.key), eb('a.id', '>', after.id)])]));
    return query.orderBy('a.key').orderBy('a.id').limit(limit + 1).execute();
  }

  /** A shared alias of someone other than the viewer, or undefined. */
  find(viewerId: string, id: string) {
    return this.shared(viewerId).where('a.id', '=', id).executeTakeFirst();
  }

  /** Others' categories with how many shared aliases each, by category then owner; `search` is lower-cased. */
  async listCategories(viewerId: string, search: string | undefined): Promise<SharedAliasCategory[]> {
    let query = this.sharedRows(viewerId)
      .where('c.id', 'is not', null)
      .select((eb) => [eb.fn.min<string>('a.id').as('ownerKey'), 'u.displayName as ownerName', 'c.name as category', eb.fn.countAll<number>().as('count')])
      .$narrowType<{ category: string }>()
      .groupBy(['c.id', 'c.name', 'c.nameKey', 'u.id', 'u.displayName']);
    if (search) {
      query = query.where(anyContains(search, [sql.ref('c.nameKey'), sql`lower(${sql.ref('u.displayName')})`]));
    }
    const rows = await query.orderBy('c.nameKey').orderBy('u.displayName').orderBy('u.id').execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** The owner of a shared alias of someone other than the viewer, or undefined. */
  async findOwner(viewerId: string, ownerKey: string): Promise<string | undefined> {
    const row = await this.sharedRows(viewerId).select('a.userId').where('a.id', '=', ownerKey).executeTakeFirst();
    return row?.userId;
  }

  /** The owner's shared aliases in their category of this name (case ignored), by key. */
  listInCategory(ownerId: string, category: string) {
    return this.db
      .selectFrom('aliases as a')
      .innerJoin('aliasCategories as c', 'c.id', 'a.categoryId')
      .select(['c.name as category', 'a.name', 'a.text'])
      .where('a.userId', '=', ownerId)
      .where('a.shared', '=', 1)
      .where('c.nameKey', '=', lookupKey(category))
      .orderBy('a.key')
      .execute();
  }
}
