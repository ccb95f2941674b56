import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/database';
import { moveFileAtomic, streamToFileAtomic, writeFileAtomic } from './atomic-write';
import { securePrivateData } from './private-data';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/**
 * Data files hold password and token hashes, prompts and every image: on a machine with other local
 * accounts nobody but the studio's own account may read them, on a new install or an old one.
 */
describe('private data files', () => {
  let root: string;
  let dataDir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cs-private-'));
    dataDir = join(root, 'data');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const config = () => loadConfig({ DATA_DIR: dataDir });

  it('creates the data folder and its folders owner-only', async () => {
    const { paths } = config();
    await securePrivateData(config());
    for (const dir of [dataDir, paths.outputs, paths.thumbs, paths.uploads, paths.redis]) expect([dir, await modeOf(dir)]).toEqual([dir, 0o700]);
  });

  it('corrects an existing install: every folder and file inside loses group and other access, symlinks are left alone', async () => {
    const { paths } = config();
    const output = join(paths.outputs, 'user/2025/05/a.png');
    const aof = join(paths.redis, 'appendonlydir/appendonly.aof.1.incr.aof');
    const outside = join(root, 'outside.txt');
    for (const file of [output, aof, join(dataDir, 'app.db')]) {
      await mkdir(join(file, '..'), { recursive: true, mode: 0o755 });
      await writeFile(file, 'x', { mode: 0o644 });
    }
    await writeFile(outside, 'not ours', { mode: 0o644 });
    await symlink(outside, join(paths.outputs, 'link'));
    await chmod(dataDir, 0o755);

    await securePrivateData(config());

    for (const dir of [dataDir, paths.outputs, join(paths.outputs, 'user/2025/05'), join(paths.redis, 'appendonlydir')]) expect([dir, await modeOf(dir)]).toEqual([dir, 0o700]);
    for (const file of [output, aof, join(dataDir, 'app.db')]) expect([file, await modeOf(file)]).toEqual([file, 0o600]);
    expect(await modeOf(outside)).toBe(0o644);
  });

  it('opens the SQLite database, its WAL and shared-memory files 0600, and corrects an old 0644 database', async () => {
    const fresh = join(root, 'fresh/app.db');
    const db = openDatabase({ kind: 'sqlite', file: fresh });
    await db.schema.createTable('t').addColumn('x', 'integer').execute();
    await db.insertInto('t' as never).values({ x: 1 } as never).execute();
    for (const file of [fresh, `${fresh}-wal`, `${fresh}-shm`]) expect([file, await modeOf(file)]).toEqual([file, 0o600]);
    await db.destroy();

    const old = join(root, 'old.db');
    for (const file of [old, `${old}-wal`, `${old}-shm`]) await writeFile(file, '', { mode: 0o644 });
    const reopened = openDatabase({ kind: 'sqlite', file: old });
    for (const file of [old, `${old}-wal`, `${old}-shm`]) expect([file, await modeOf(file)]).toEqual([file, 0o600]);
    await reopened.destroy();
  });

  it('writes, streams and moves media files 0600 into 0700 folders, whatever mode the source had', async () => {
    const written = join(root, 'a/b/written.png');
    const streamed = join(root, 'a/streamed.png');
    const moved = join(root, 'c/moved.png');
    const download = join(root, 'download.part');
    await writeFileAtomic(written, Buffer.from('png'));
    await streamToFileAtomic(streamed, Readable.from([Buffer.from('png')]));
    await writeFile(download, 'png', { mode: 0o644 });
    await moveFileAtomic(download, moved);
    for (const file of [written, streamed, moved]) expect([file, await modeOf(file)]).toEqual([file, 0o600]);
    for (const dir of [join(root, 'a'), join(root, 'a/b'), join(root, 'c')]) expect([dir, await modeOf(dir)]).toEqual([dir, 0o700]);
  });
});
