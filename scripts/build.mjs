#!/usr/bin/env node
// Compiles the server side (apps/api, worker, supervisor, comfyui-sim, libs, bench, chaos) with swc into
// dist/, and the web app with Vite into apps/web/dist — each only when its sources changed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_ROOTS = ['apps/api/src', 'apps/worker/src', 'apps/supervisor/src', 'apps/comfyui-sim/src', 'apps/comfyui-sim/data', 'libs/shared/src', 'libs/server/src', 'bench', 'chaos'];
const WEB_INPUTS = ['apps/web', 'libs/shared/src'];
const IS_TEST = /\.(spec|int-spec|e2e-spec|chaos-spec|test)\.ts$/;

function walk(dir, skip = () => false) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip(path, entry)) return [];
    return entry.isDirectory() ? walk(path, skip) : [path];
  });
}

function newestMtime(files) {
  return files.reduce((max, file) => Math.max(max, statSync(file).mtimeMs), 0);
}

/** Content fingerprint (paths + sizes + mtimes) of a file list. */
function fingerprint(files) {
  return files.map((f) => `${relative(ROOT, f)}:${statSync(f).size}:${Math.floor(statSync(f).mtimeMs)}`).join('\n');
}

function isFresh(stampFile, print) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === print;
}

export async function buildServer({ force = false, log = console.log } = {}) {
  const sources = SERVER_ROOTS.flatMap((root) => walk(join(ROOT, root))).filter((f) => !IS_TEST.test(f) && !f.endsWith('.md'));
  const stamp = join(ROOT, 'dist/.server-build');
  const print = fingerprint(sources);
  if (!force && isFresh(stamp, print)) return false;
  const started = Date.now();
  const swc = await import('@swc/core');
  const options = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8'));
  delete options.$schema;
  options.jsc.baseUrl = ROOT;
  for (const file of sources) {
    const out = join(ROOT, 'dist', relative(ROOT, file));
    mkdirSync(dirname(out), { recursive: true });
    if (!file.endsWith('.ts')) {
      copyFileSync(file, out);
      continue;
    }
    const { code, map } = await swc.transformFile(file, { ...options, filename: file, swcrc: false, sourceMaps: true });
    const js = out.replace(/\.ts$/, '.js');
    writeFileSync(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
    if (map) writeFileSync(`${js}.map`, map);
  }
  writeFileSync(stamp, print);
  log(`built server (${sources.length} files) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

export function buildWeb({ force = false, log = console.log } = {}) {
  const skip = (path) => /\/(node_modules|dist|dev-dist)$/.test(path) || /\.(test|spec)\.ts$/.test(path);
  const sources = WEB_INPUTS.flatMap((root) => walk(join(ROOT, root), skip));
  const stamp = join(ROOT, 'apps/web/dist/.web-build');
  const print = fingerprint(sources);
  if (!existsSync(join(ROOT, 'apps/web/vite.config.ts'))) return false;
  if (!force && isFresh(stamp, print)) return false;
  log('building the web app…');
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
  writeFileSync(stamp, print);
  log(`built web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  try {
    await buildServer({ force });
    if (!process.argv.includes('--server')) buildWeb({ force });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
