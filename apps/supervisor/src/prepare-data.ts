import { bootstrapAdmin, type BootstrapResult } from '@app/server/accounts/bootstrap-admin';
import type { AppConfig } from '@app/server/config/env';
import { resolveJwtSecret } from '@app/server/config/secret';
import { migrateToLatest, openDatabase } from '@app/server/db/database';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { seedSampleWorkflows } from '@app/server/workflows/seed-samples';
import { seedTagList } from '@app/server/tags/shipped-tags';
import { TagListsRepository } from '@app/server/tags/tag-lists.repository';
import { securePrivateData } from '@app/server/storage/private-data';

/**
 * Everything a start needs on disk before any process opens it: the data folders (owner-only), the JWT
 * secret, the schema at its latest migration, and on the first start the admin (U-2),
 * the sample workflows (W-4) and the tag list (T-1). Idempotent.
 */
export async function prepareData(config: AppConfig, now: number): Promise<BootstrapResult> {
  await securePrivateData(config);
  resolveJwtSecret(config);
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const admin = await bootstrapAdmin(config, new UsersRepository(db), now);
    if (admin.created) await seedSampleWorkflows(new WorkflowsRepository(db), now);
    await seedTagList(new TagListsRepository(db), (line) => process.stdout.write(`[studio] ${line}\n`));
    return admin;
  } finally {
    await db.destroy();
  }
}
