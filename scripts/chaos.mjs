#!/usr/bin/env node
// `npm run chaos`: compiles the server side (supervisor, api, worker, stand-in and the harness in
// chaos/) when its sources changed, then runs the crash harness with the given options
// (docs/chaos.md). Exits non-zero when an invariant failed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR, ensureDependencies } from './lib/dependencies.mjs';

ensureDependencies();
const { buildServer, buildWeb } = await import('./build.mjs');
await buildServer();
buildWeb();
const result = spawnSync(process.execPath, ['--enable-source-maps', join(ROOT_DIR, 'dist/chaos/main.js'), ...process.argv.slice(2)], { cwd: ROOT_DIR, stdio: 'inherit' });
process.exit(result.status ?? 1);
