import { Inject, Injectable } from '@nestjs/common';
import type { AliasCategory } from '@app/shared/contracts/api/aliases';
import { lookupKey } from '@app/shared/prompt/alias-syntax';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';

export interface StoredAliasCategory {
  id: string;
  name: string;
  position: number;
}

/** Each user's ordered alias categories; names unique ignoring case. */
@Injectable()
export class AliasCategoriesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** In list order, each with the number of aliases it holds; empty ones included. */
  async listWithCounts(userId: string): Promise<AliasCategory[]> {
    const rows = await this.db
      .selectFrom('aliasCategories as c')
      .leftJoin('aliases as a', 'a.categoryId', 'c.id')
      .select((eb) => ['c.id', 'c.name', 'c.position', eb.fn.count<number>('a.id').as('count')])
      .where('c.userId', '=', userId)
      .groupBy(['c.id', 'c.name', 'c.position'])
      .orderBy('c.position')
      .orderBy('c.id')
      .execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  list(userId: string): Promise<StoredAliasCategory[]> {
    return this.db
      .selectFrom('aliasCategories')
      .select(['id', 'name', 'position'])
      .where('userId', '=', userId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async countUncategorisedAliases(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('aliases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('categoryId', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countAliases(categoryId: string): Promise<number> {
    const row = await this.db.selectFrom('aliases').select((eb) => eb.fn.countAll<number>().as('n')).where('categoryId', '=', categoryId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  findById(userId: string, id: string): Promise<StoredAliasCategory | undefined> {
    return this.db.selectFrom('aliasCategories').select(['id', 'name', 'position']).where('userId', '=', userId).where('id', '=', id).executeTakeFirst();
  }

  /** Looks a category up by name, ignoring case. */
  findByName(userId: string, name: string): Promise<StoredAliasCategory | undefined> {
    return this.db
      .selectFrom('aliasCategories')
      .select(['id', 'name', 'position'])
      .where('userId', '=', userId)
      .where('nameKey', '=', lookupKey(name))
      .executeTakeFirst();
  }

  async count(userId: string): Promise<number> {
    const row = await this.db.selectFrom('aliasCategories').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Adds a category at the end of the list. */
  async append(category: { id: string; userId: string; name: string; now: number }): Promise<StoredAliasCategory> {
    const last = await this.db
      .selectFrom('aliasCategories')
      .select((eb) => eb.fn.max<number | null>('position').as('position'))
      .where('userId', '=', category.userId)
      .executeTakeFirst();
    const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
    await this.db
      .insertInto('aliasCategories')
      .values({ id: category.id, userId: category.userId, name: category.name, nameKey: lookupKey(category.name), position, createdAt: category.now })
      .execute();
    return { id: category.id, name: category.name, position };
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.updateTable('aliasCategories').set({ name, nameKey: lookupKey(name) }).where('id', '=', id).execute();
  }

  /** Numbers the user's categories 0, 1, … in the order of `ids` (which must be all of them). */
  async setOrder(userId: string, ids: readonly string[]): Promise<void> {
    for (const [position, id] of ids.entries()) {
      await this.db.updateTable('aliasCategories').set({ position }).where('userId', '=', userId).where('id', '=', id).execute();
    }
  }

  async delete(userId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('aliasCategories').where('userId', '=', userId).where('id', 'in', ids).execute();
  }
}
