import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporarySibling } from './atomic-write';
import { removeStaleTemporaries } from './stale-temporaries';

describe('temporary files left by a process killed mid-write', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-stale-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const write = async (path: string, ageMs = 0) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, 'x');
    const when = new Date(Date.now() - ageMs);
    await utimes(path, when, when);
    return path;
  };

  it('removes old ones anywhere below, and nothing else', async () => {
    const hour = 3_600_000;
    const outputs = join(dir, 'outputs');
    await write(temporarySibling(join(outputs, 'u/2025/01/a.png')), 2 * hour);
    await write(join(dir, 'thumbs', `.b-256.webp.${'ab12'.repeat(3)}.tmp`), 2 * hour);
    await write(join(outputs, `.c.download.0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b.part`), 2 * hour);
    const young = await write(temporarySibling(join(outputs, 'u/2025/01/d.png')));
    const kept = await write(join(outputs, 'u/2025/01/e.png'), 2 * hour);
    const staged = await write(join(outputs, '.incoming/job/.f.download.0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b.part'), 2 * hour);

    const removed = await removeStaleTemporaries([outputs, join(dir, 'thumbs')], { minAgeMs: hour, now: Date.now(), skip: [join(outputs, '.incoming')] });
    expect(removed).toBe(3);
    const left = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(left.sort()).toEqual([young, kept, staged].sort());
  });
});
