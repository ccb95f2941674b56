import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver begins transactions with a deferred `BEGIN`: the first write then has to
 * upgrade a read snapshot to the write lock, and when another process (api vs worker) committed
 * since that snapshot SQLite answers SQLITE_BUSY at once — `busy_timeout` never gets to wait.
 * `BEGIN IMMEDIATE` takes the write lock up front, where the busy timeout does wait for it.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** `SqliteDialect` whose transactions begin with `BEGIN IMMEDIATE` (every transaction here writes). */
export class ImmediateSqliteDialect extends SqliteDialect {
  private readonly settings: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.settings = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.settings);
  }
}
