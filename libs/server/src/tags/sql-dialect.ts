import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Whether the database is SQLite, where tag search has an FTS5 index. Kysely exposes the dialect
 * only through its executor's adapter; this is the one place that reads it.
 */
export function isSqlite<Schema>(db: Kysely<Schema>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
