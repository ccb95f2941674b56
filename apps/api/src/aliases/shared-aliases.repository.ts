import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Database } from '@app/server/db/database';
import { DATABASE } from '@app/server/db/database.tokens';
import type { SharedAlias } from '@app/shared/contracts/api/aliases';

/** Where a page of shared aliases ended: the last alias's lower-cased key and id. */
export interface SharedAliasCursor {
  key: string;
  id: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** U-5: reads other users' shared aliases. Nothing here reaches anyone's expansion. */
@Injectable()
export class SharedAliasesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  private shared(viewerId: string) {
    return this.db
      .selectFrom('aliases as a')
      .innerJoin('users as u', 'u.id', 'a.userId')
      .leftJoin('aliasCategories as c', 'c.id', 'a.categoryId')
      .select(['a.id', 'c.name as category', 'a.name', 'a.key as sortKey', 'a.text', 'a.updatedAt', 'u.displayName as ownerName'])
      .where('a.shared', '=', 1)
      .where('a.userId', '!=', viewerId);
  }

  /** Up to `limit + 1` aliases ordered by key then id, after the cursor; `search` is lower-cased. */
  async list(viewerId: string, search: string | undefined, after: SharedAliasCursor | undefined, limit: number): Promise<(Omit<SharedAlias, 'key'> & { sortKey: string })[]> {
    let query = this.shared(viewerId);
    if (search) {
      const pattern = `%${escapeLike(search)}%`;
      query = query.where(sql<boolean>`(${sql.ref('a.key')} like ${pattern} escape '\\' or lower(${sql.ref('a.text')}) like ${pattern} escape '\\')`);
    }
    if (after) query = query.where((eb) => eb.or([eb('a.key', '>', after.key), eb.and([eb('a.key', '=', after.key), eb('a.id', '>', after.id)])]));
    return query.orderBy('a.key').orderBy('a.id').limit(limit + 1).execute();
  }

  /** A shared alias of someone other than the viewer, or undefined. */
  find(viewerId: string, id: string) {
    return this.shared(viewerId).where('a.id', '=', id).executeTakeFirst();
  }
}
