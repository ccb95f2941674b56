// Reports the gzipped JavaScript a first visit downloads (N-9: ≤ 150 KB first load, ≤ 300 KB in all).
// Run after a build:  npx vite build apps/web && node apps/web/scripts/measure-bundle.mjs
// Prints a table, or JSON with --json.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(await readFile(`${dist}.vite/manifest.json`, 'utf8'));

async function gzipKb(file) {
  return gzipSync(await readFile(dist + file), { level: 9 }).length / 1024;
}

/** The chunk for `key` and everything it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
  return seen;
}

function keyOf(fragment) {
  const key = Object.keys(manifest).find((candidate) => candidate.includes(fragment));
  if (!key) throw new Error(`no chunk for ${fragment} in the manifest`);
  return key;
}

async function total(keys) {
  let kb = 0;
  for (const key of keys) kb += await gzipKb(manifest[key].file);
  return kb;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
// Loaded on every start: the service-worker registration imports workbox-window at once.
const atStart = [entry, keyOf('workbox-window')];
const scenarios = {
  'signed out (sign-in page)': [...atStart, keyOf('LoginView.vue')],
  'signed in (Generate: workflow list, live socket)': [...atStart, keyOf('AppShell.vue'), keyOf('WorkflowsView.vue'), keyOf('socket.io-client')],
  'a workflow form opened directly': [...atStart, keyOf('AppShell.vue'), keyOf('GenerateFormView.vue'), keyOf('socket.io-client')],
  'the gallery opened directly': [...atStart, keyOf('AppShell.vue'), keyOf('GalleryView.vue'), keyOf('socket.io-client')],
  'the prompt library opened directly': [...atStart, keyOf('AppShell.vue'), keyOf('PromptsView.vue'), keyOf('AliasLibraryView.vue'), keyOf('socket.io-client')],
};

const rows = [];
for (const [name, roots] of Object.entries(scenarios)) {
  const keys = new Set();
  for (const root of roots) closure(root, keys);
  rows.push({ scenario: name, chunks: keys.size, gzipKb: Number((await total(keys)).toFixed(1)) });
}
const allJs = Object.keys(manifest).filter((key) => manifest[key].file.endsWith('.js'));
rows.push({ scenario: 'all JavaScript', chunks: allJs.length, gzipKb: Number((await total(allJs)).toFixed(1)) });

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else for (const row of rows) console.log(`${row.scenario.padEnd(50)} ${String(row.chunks).padStart(3)} chunks ${row.gzipKb.toFixed(1).padStart(7)} KB gzipped`);
