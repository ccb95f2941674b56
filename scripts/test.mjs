#!/usr/bin/env node
// `npm test`: every suite — jest (shared, server incl. integration and api e2e), vitest (web),
// type checks, the browser e2e and the short crash-guarantee run — against a private
// redis-server, then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR, ensureDependencies } from './lib/dependencies.mjs';

ensureDependencies();
const { buildServer, buildWeb } = await import('./build.mjs');
await buildServer();
// Compiled CommonJS: its exports arrive on `default`.
const { ensureDebianExecutable } = (await import(join(ROOT_DIR, 'dist/libs/server/src/system/system-packages.js'))).default;
const { startRedisServer } = (await import(join(ROOT_DIR, 'dist/libs/server/src/redis/redis-process.js'))).default;

const say = (line) => console.log(`[test] ${line}`);
// caddy: the reverse-proxy recipe of docs/https.md is tested with the real thing.
for (const [executable, pkg] of [['redis-server', 'redis-server'], ['chromium', 'chromium'], ['ffmpeg', 'ffmpeg'], ['ffprobe', 'ffmpeg'], ['caddy', 'caddy']]) {
  try {
    ensureDebianExecutable(executable, pkg, say);
  } catch (error) {
    console.error(error.message);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const resultsDir = join(ROOT_DIR, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const redis = await startRedisServer();
const env = { ...process.env, TEST_REDIS_URL: redis.url, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const tally = { passed: 0, failed: 0 };
const lines = [];

function run(name, args) {
  say(`${name}…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT_DIR, env, stdio: 'inherit' });
  return { status: result.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(0) };
}

/** Counts from a jest/vitest JSON report; a suite that failed to load counts as one failure. */
function countReport(name, file, status, seconds) {
  if (!existsSync(file)) {
    tally.failed += 1;
    lines.push(`${name}: no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenSuites = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + brokenSuites;
  tally.passed += passed;
  tally.failed += failed;
  lines.push(`${name}: ${passed} passed, ${failed} failed (${seconds} s)`);
}

function check(name, args) {
  const { status, seconds } = run(name, args);
  if (status === 0) tally.passed += 1;
  else tally.failed += 1;
  lines.push(`${name}: ${status === 0 ? 'passed' : 'FAILED'} (${seconds} s)`);
}

try {
  if (wanted('typecheck')) {
    check('typecheck (server)', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
    check('typecheck (web)', ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'apps/web/tsconfig.json', '--noEmit']);
  }
  if (wanted('jest')) {
    const file = join(resultsDir, 'jest.json');
    const { status, seconds } = run('jest: shared + server', ['node_modules/jest/bin/jest.js', '--selectProjects', 'shared', 'server', '--json', `--outputFile=${file}`, '--maxWorkers=2']);
    countReport('jest (shared, server)', file, status, seconds);
  }
  if (wanted('web')) {
    const file = join(resultsDir, 'vitest.json');
    const { status, seconds } = run('vitest: web', ['node_modules/vitest/vitest.mjs', 'run', '--root', 'apps/web', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
    countReport('vitest (web)', file, status, seconds);
  }
  if (wanted('browser')) {
    buildWeb({ log: say });
    const file = join(resultsDir, 'browser.json');
    const { status, seconds } = run('jest: browser e2e', ['node_modules/jest/bin/jest.js', '--selectProjects', 'browser', '--json', `--outputFile=${file}`, '--runInBand']);
    countReport('browser e2e', file, status, seconds);
  }
  if (wanted('chaos')) {
    // The crash guarantee, short: the compiled stack with kills (docs/chaos.md); alone, so its timings are its own.
    buildWeb({ log: say });
    const file = join(resultsDir, 'chaos.json');
    const { status, seconds } = run('jest: crash guarantee (short chaos run)', ['node_modules/jest/bin/jest.js', '--selectProjects', 'chaos', '--json', `--outputFile=${file}`, '--runInBand']);
    countReport('crash guarantee', file, status, seconds);
  }
} finally {
  await redis.stop();
}

console.log('');
for (const line of lines) console.log(line);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
