import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { E2E_ADMIN } from './env';
import { startStack, type Stack } from './stack';

/** One shared stack for every browser spec; specs create their own users on it. */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '../..');
  for (const built of ['dist/apps/supervisor/src/main.js', 'apps/web/dist/index.html']) {
    if (!existsSync(resolve(root, built))) throw new Error(`${built} is missing: run the browser suite through npm test (it builds first)`);
  }
  const stack = await startStack({ env: { ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password } });
  process.env.E2E_URL = stack.url;
  (globalThis as { __e2eStack?: Stack }).__e2eStack = stack;
}
