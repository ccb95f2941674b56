import { bootstrapAdmin, type BootstrapResult } from '@app/server/accounts/bootstrap-admin';
import type { AppConfig } from '@app/server/config/env';
import { resolveJwtSecret } from '@app/server/config/secret';
import { migrateToLatest, openDatabase } from '@app/server/db/database';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { mkdirSync } from 'node:fs';

/**
 * Everything a start needs on disk before any process opens it: the data folders, the JWT
 * secret, the schema at its latest migration, and the first admin (U-2). Idempotent.
 */
export async function prepareData(config: AppConfig, now: number): Promise<BootstrapResult> {
  for (const dir of [config.dataDir, ...Object.values(config.paths).filter((p) => p !== config.paths.secret)]) {
    mkdirSync(dir, { recursive: true });
  }
  resolveJwtSecret(config);
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    return await bootstrapAdmin(config, new UsersRepository(db), now);
  } finally {
    await db.destroy();
  }
}
