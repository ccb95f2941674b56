import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import type { DatabaseConfig } from '../config/env';
import { ensurePrivateFile, PRIVATE_DIR_MODE } from '../storage/private-data';
import { MIGRATIONS } from './migrations';
import { ImmediateSqliteDialect } from './sqlite-immediate-dialect';
import type { DB } from './schema';

export type Database = Kysely<DB>;

/**
 * Opens the database named by DATABASE_URL. SQLite's files are owner-only (0600) and it runs in WAL mode with foreign keys on, a
 * busy timeout and transactions that take the write lock when they begin, so api and worker
 * processes can share one file without a write failing on the other's lock.
 */
export function openDatabase(config: DatabaseConfig): Database {
  const plugins = [new CamelCasePlugin()];
  if (config.kind === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true, mode: PRIVATE_DIR_MODE });
    // SQLite gives the -wal and -shm files the database file's mode: 0600 covers all three.
    ensurePrivateFile(config.file);
    for (const companion of [`${config.file}-wal`, `${config.file}-shm`]) ensurePrivateFile(companion, { optional: true });
    const sqlite = new Sqlite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }), plugins });
  }
  // Times are bigint columns holding Unix ms, well inside Number's safe range.
  pgTypes.setTypeParser(pgTypes.builtins.INT8, (value) => Number(value));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: config.url, max: 10 }) }), plugins });
}

/** Brings the schema up to date. Safe to call from several processes at start. */
export async function migrateToLatest(db: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: result.error });
  }
  return result;
}
