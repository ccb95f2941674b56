import fs from 'node:fs';
import fsPromises, { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { copyFileAtomic, moveFileAtomic, removeQuietly, streamToFileAtomic, writeFileAtomic } from './atomic-write';

describe('S-25 files appear complete or not at all', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-atomic-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes into missing folders and replaces an existing file, leaving no temporary file', async () => {
    const path = join(dir, 'a/b/file.bin');
    await writeFileAtomic(path, Buffer.from('first'));
    await writeFileAtomic(path, Buffer.from('second'));
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'a/b'))).toEqual(['file.bin']);
  });

  it('a stream that fails half way leaves neither the file nor a temporary file', async () => {
    const path = join(dir, 'streamed.bin');
    async function* failing() {
      yield Buffer.from('partial data');
      throw new Error('connection lost');
    }
    await expect(streamToFileAtomic(path, failing())).rejects.toThrow('connection lost');
    expect(await readdir(dir)).toEqual([]);
  });

  describe('a stream that fails before its file is even open', () => {
    // The file system is made slow to open files, so the failure always wins the race the
    // writer used to lose now and then: its clean-up ran before the open created the file.
    const OPEN_DELAY_MS = 20;
    beforeEach(() => {
      const openCallback = fs.open.bind(fs) as (...args: unknown[]) => void;
      jest.spyOn(fs, 'open').mockImplementation(((...args: unknown[]) => {
        setTimeout(() => openCallback(...args), OPEN_DELAY_MS);
      }) as typeof fs.open);
      const openPromise = fsPromises.open.bind(fsPromises);
      jest.spyOn(fsPromises, 'open').mockImplementation(async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, OPEN_DELAY_MS));
        return openPromise(...args);
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('never leaves a temporary file appearing after the clean-up', async () => {
      async function* failingAtOnce(): AsyncGenerator<Buffer> {
        yield* [];
        throw new Error('connection lost');
      }
      for (let i = 0; i < 50; i += 1) await expect(streamToFileAtomic(join(dir, `streamed-${i}.bin`), failingAtOnce())).rejects.toThrow('connection lost');
      // Long enough for any open still in flight to have created its file.
      await new Promise((resolve) => setTimeout(resolve, OPEN_DELAY_MS * 5));
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('streams a whole file and reports its size', async () => {
    const path = join(dir, 'streamed.bin');
    expect(await streamToFileAtomic(path, Readable.from([Buffer.from('abc'), Buffer.from('defg')]))).toBe(7);
    expect(await readFile(path, 'utf8')).toBe('abcdefg');
  });

  it('copies and moves; a move takes the source away', async () => {
    const source = join(dir, 'source.bin');
    await writeFile(source, 'payload');
    await copyFileAtomic(source, join(dir, 'copy/copy.bin'));
    await moveFileAtomic(source, join(dir, 'moved/moved.bin'));
    expect(await readFile(join(dir, 'copy/copy.bin'), 'utf8')).toBe('payload');
    expect(await readFile(join(dir, 'moved/moved.bin'), 'utf8')).toBe('payload');
    expect((await readdir(dir)).sort()).toEqual(['copy', 'moved']);
  });

  it('a failed copy leaves no temporary file behind', async () => {
    await expect(copyFileAtomic(join(dir, 'missing.bin'), join(dir, 'out/copy.bin'))).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });

  it('removes files quietly, whether or not they exist', async () => {
    await writeFile(join(dir, 'present.bin'), 'x');
    await removeQuietly(join(dir, 'present.bin'), join(dir, 'absent.bin'));
    expect(await readdir(dir)).toEqual([]);
  });
});
