#!/usr/bin/env node
// `npm start`: installs what is missing, builds what changed, then hands over to the
// supervisor (apps/supervisor), which runs the whole system.
import { join } from 'node:path';
import { ROOT_DIR, ensureDependencies } from './lib/dependencies.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or newer.`);
  process.exit(1);
}

ensureDependencies();
const { buildServer, buildWeb } = await import('./build.mjs');
try {
  await buildServer();
  buildWeb();
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
await import(join(ROOT_DIR, 'dist/apps/supervisor/src/main.js'));
