import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/server/config/env';
import { projectRoot } from '@app/server/system/project-root';
import { join } from 'node:path';
import { createApiApp } from './app.factory';

/** The api process: REST, Socket.IO and the built web app on one port. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApiApp(config, { webDist: join(projectRoot(), 'apps/web/dist') });
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
