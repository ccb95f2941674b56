import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strayFiles } from './data-files';

describe('stray files in the data folder', () => {
  let dir: string;
  const user = '01a24c22-0000-7000-8000-000000000001';
  const output = 'c9846b61-b16f-514a-bce6-2eca0d136eb9';
  const orphan = '0d104072-0e52-5b9d-8483-27d10f17d32a';
  const upload = '01a24c22-0000-7000-8000-0000000000aa';
  const touch = (path: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), 'x');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chaos-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts exactly the files rows account for', () => {
    for (const path of [`outputs/${user}/2026/12/${output}.png`, `thumbs/${output}-256.webp`, `thumbs/${output}-768.webp`, `uploads/${user}/${upload}.png`, `thumbs/${upload}-256.webp`, 'app.db', 'redis/appendonly.aof']) touch(path);
    const expected = { outputPaths: new Set([`${user}/2026/12/${output}.png`]), thumbnailOwners: new Set([output, upload]), uploadPaths: new Set([`${user}/${upload}.png`]) };
    expect(strayFiles(dir, expected)).toEqual({ orphans: [], partial: [] });
  });

  it('finds outputs, thumbnails and uploads no row accounts for, and half-written files anywhere', () => {
    for (const path of [`outputs/${user}/2026/12/${orphan}.png`, `thumbs/${orphan}-768.webp`, `uploads/${user}/${upload}.png`, `outputs/.incoming/${orphan}.part`, `thumbs/.${output}-256.webp.1a2b3c.tmp`]) touch(path);
    const found = strayFiles(dir, { outputPaths: new Set(), thumbnailOwners: new Set(), uploadPaths: new Set() });
    expect(found.orphans.sort()).toEqual([`outputs/${user}/2026/12/${orphan}.png`, `thumbs/${orphan}-768.webp`, `uploads/${user}/${upload}.png`].sort());
    expect(found.partial.sort()).toEqual([`outputs/.incoming/${orphan}.part`, `thumbs/.${output}-256.webp.1a2b3c.tmp`].sort());
  });
});
