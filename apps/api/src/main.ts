import 'reflect-metadata';
import { bootstrapAdmin } from '@app/server/accounts/bootstrap-admin';
import { ConfigError, loadConfig } from '@app/server/config/env';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { seedSampleWorkflows } from '@app/server/workflows/seed-samples';
import { securePrivateData } from '@app/server/storage/private-data';
import { seedTagList } from '@app/server/tags/shipped-tags';
import { TagListsRepository } from '@app/server/tags/tag-lists.repository';
import { projectRoot } from '@app/server/system/project-root';
import { join } from 'node:path';
import { createApiApp } from './app.factory';

/** The api process: REST, Socket.IO and the built web app on one port. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Containers start here without npm start's data preparation: the data folder is made owner-only first.
  await securePrivateData(config);
  const app = await createApiApp(config, { webDist: join(projectRoot(), 'apps/web/dist') });
  // npm start creates the first admin before the api starts; containers start the api directly.
  const admin = await bootstrapAdmin(config, app.get(UsersRepository), Date.now());
  if (admin.created) await seedSampleWorkflows(app.get(WorkflowsRepository), Date.now());
  await seedTagList(app.get(TagListsRepository), (line) => process.stdout.write(`${line}\n`));
  if (admin.created && admin.generated) {
    process.stdout.write(`First admin ${admin.email} created with the generated password ${admin.password} (shown once; change it at first login)\n`);
  }
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
