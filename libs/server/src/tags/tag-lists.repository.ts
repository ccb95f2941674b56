import { Inject, Injectable } from '@nestjs/common';
import { CompiledQuery, sql } from 'kysely';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { TagsTable } from '../db/schema';
import { isSqlite } from './sql-dialect';
import { splitLines } from './tag-keys';

/** One tag as written to a list, its id assigned by the loader; aliases as `joinLines`. */
export type NewTag = Omit<TagsTable, 'listId'>;

/** Rows per multi-row insert: at most 8 parameters each, well under SQLite's limit of 32,766. */
const INSERT_CHUNK = 1000;
/**
 * Rows deleted per transaction: each commit rewrites the index pages it touched, so fewer, larger
 * deletes are much faster (140k rows: ~4.8 s in 10k windows, ~2.3 s in 50k), while one holds the
 * connection for well under a second.
 */
const BULK_CHUNK = 50_000;

/** `(?, ?), (?, ?)` for `rows` rows of `columns` values; Postgres numbers them (`$1`). */
function placeholders(rows: number, columns: number, sqlite: boolean): string {
  let n = 0;
  const value = () => (sqlite ? '?' : `$${(n += 1)}`);
  return Array.from({ length: rows }, () => `(${Array.from({ length: columns }, value).join(', ')})`).join(', ');
}

/**
 * Writes tag lists (T-1, T-2). A list is loaded under its own id while the previous one keeps
 * serving, made active in one short transaction, and the replaced list is then deleted; every
 * statement is small, so searches run between them.
 */
@Injectable()
export class TagListsRepository {
  private readonly sqlite: boolean;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.sqlite = isSqlite(db);
  }

  async hasActiveList(): Promise<boolean> {
    return (await this.db.selectFrom('tagLists').select('id').where('state', '=', 'active').executeTakeFirst()) !== undefined;
  }

  /** A new list in state `loading`, and the first free tag id (ids double as FTS rowids). */
  async begin(source: string, format: string, now: number): Promise<{ listId: number; firstTagId: number }> {
    return this.db.transaction().execute(async (trx) => {
      const list = await trx.selectFrom('tagLists').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
      const tag = await trx.selectFrom('tags').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
      const listId = (list.id ?? 0) + 1;
      await trx.insertInto('tagLists').values({ id: listId, source, format, state: 'loading', count: 0, startedAt: now, loadedAt: null }).execute();
      return { listId, firstTagId: (tag.id ?? 0) + 1 };
    });
  }

  /**
   * Tags with consecutive ids, their alias rows and (SQLite) their FTS entries, in one
   * transaction. The statements are written out rather than built: 140k rows through the query
   * builder cost more than the inserts themselves.
   */
  async insert(listId: number, tags: readonly NewTag[]): Promise<void> {
    const first = tags[0];
    const last = tags.at(-1);
    if (!first || !last) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < tags.length; i += INSERT_CHUNK) {
        const part = tags.slice(i, i + INSERT_CHUNK);
        const values = part.flatMap((tag) => [tag.id, listId, tag.name, tag.nameKey, tag.category, tag.count, tag.aliases, tag.aliasKeys]);
        await trx.executeQuery(CompiledQuery.raw(`insert into tags (id, list_id, name, name_key, category, count, aliases, alias_keys) values ${placeholders(part.length, 8, this.sqlite)}`, values));
      }
      const aliases = tags.flatMap((tag) => splitLines(tag.aliasKeys).map((aliasKey) => [listId, aliasKey, tag.id]));
      for (let i = 0; i < aliases.length; i += INSERT_CHUNK) {
        const part = aliases.slice(i, i + INSERT_CHUNK);
        await trx.executeQuery(CompiledQuery.raw(`insert into tag_aliases (list_id, alias_key, tag_id) values ${placeholders(part.length, 3, this.sqlite)}`, part.flat()));
      }
      if (this.sqlite) {
        // Two trailing newlines: a 1–2 character substring at the very end still starts a trigram.
        // In rowid order: FTS5 appends to its lists then, more than twice as fast as in name order.
        await sql`insert into tags_fts (rowid, name_key, alias_keys)
          select id, name_key || char(10, 10), alias_keys || char(10) from tags where list_id = ${listId} and id between ${first.id} and ${last.id} order by id`.execute(trx);
      }
    });
  }

  /** Makes the list the one served, with its category counts; the previous one is retired. */
  async activate(listId: number, count: number, categories: ReadonlyMap<string, number>, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const rows = [...categories].map(([category, n]) => ({ listId, category, count: n }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('tagListCategories').values(rows.slice(i, i + INSERT_CHUNK)).execute();
      await trx.updateTable('tagLists').set({ state: 'retired' }).where('state', '=', 'active').execute();
      await trx.updateTable('tagLists').set({ state: 'active', count, loadedAt: now }).where('id', '=', listId).execute();
    });
  }

  /** Lists not served: retired ones and loads that never finished (a crash, a restart). */
  async listsToDrop(): Promise<number[]> {
    const rows = await this.db.selectFrom('tagLists').select('id').where('state', '!=', 'active').execute();
    return rows.map((row) => row.id);
  }

  /** Deletes a list's rows a window of ids at a time (a list's ids are consecutive), then the list. */
  async drop(listId: number): Promise<void> {
    const range = await this.db
      .selectFrom('tags')
      .select((eb) => [eb.fn.min('id').as('low'), eb.fn.max('id').as('high')])
      .where('listId', '=', listId)
      .executeTakeFirstOrThrow();
    for (let low = range.low ?? 1, end = range.high ?? 0; low <= end; low += BULK_CHUNK) {
      const high = Math.min(end, low + BULK_CHUNK - 1);
      await this.db.transaction().execute(async (trx) => {
        if (this.sqlite) await sql`delete from tags_fts where rowid between ${low} and ${high}`.execute(trx);
        await trx.deleteFrom('tags').where('listId', '=', listId).where('id', '>=', low).where('id', '<=', high).execute();
      });
    }
    await this.db.deleteFrom('tagAliases').where('listId', '=', listId).execute();
    await this.db.deleteFrom('tagListCategories').where('listId', '=', listId).execute();
    await this.db.deleteFrom('tagLists').where('id', '=', listId).execute();
  }
}
