#!/usr/bin/env node
// `npm run bench`: compiles the benchmarks with the server build and runs each in its own
// process, one after the other (they share the machine's two cores). Prints measured values and
// ratios; nothing here passes or fails. `npm run bench -- pipeline` runs one; `bundle` reports
// the web app's gzipped JavaScript per first visit.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR, ensureDependencies } from './lib/dependencies.mjs';

ensureDependencies();
const { buildServer, buildWeb } = await import('./build.mjs');
await buildServer();
buildWeb();
const only = process.argv.slice(2);
const benches = readdirSync(join(ROOT_DIR, 'dist/bench'))
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)));
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file.replace('.bench.js', '')}`);
  const result = spawnSync(process.execPath, ['--enable-source-maps', join(ROOT_DIR, 'dist/bench', file)], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
if (only.length === 0 || only.includes('bundle')) {
  // N-9: what a first visit downloads, from the production build's manifest.
  console.log('\n== bundle');
  const result = spawnSync(process.execPath, [join(ROOT_DIR, 'apps/web/scripts/measure-bundle.mjs')], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
