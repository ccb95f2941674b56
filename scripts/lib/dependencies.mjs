import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `npm install` when node_modules is missing or older than package.json. */
export function ensureDependencies() {
  const marker = join(ROOT_DIR, 'node_modules/.package-lock.json');
  const manifest = join(ROOT_DIR, 'package.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(manifest).mtimeMs) return;
  console.log('Installing dependencies (first run; native modules compile, this takes a few minutes)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm install failed; see the output above.');
    process.exit(1);
  }
  // npm leaves the marker alone when nothing changed; touch it so the next start skips this.
  if (existsSync(marker)) utimesSync(marker, new Date(), new Date());
}
