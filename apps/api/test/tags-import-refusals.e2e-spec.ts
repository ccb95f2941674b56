import type { TagCategoryList } from '@app/shared/contracts/api/tags';
import { sampleImage } from '@app/server/media/testing/sample-media';
import { open } from 'node:fs/promises';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

/** The first 4 KB of the node binary: a real ELF (or Mach-O) header and tables. */
async function programHead(): Promise<Buffer> {
  const file = await open(process.execPath);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

describe('T-2 a file that is no tag list never replaces the served one', () => {
  let api: TestApi;
  let admin: string;
  let served: TagCategoryList;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    const csv = ['tag,category,count,aliases', 'long_hair,0,100,longhair', 'smile,0,90,', 'hatsune_miku,4,80,', 'highres,5,70,'].join('\n');
    await importFile(Buffer.from(csv), 'served.csv').expect(200);
    served = await categories();
  });
  afterAll(async () => {
    await api.close();
  });

  function importFile(data: Buffer, name: string) {
    return api.http.post('/api/admin/tags/import').auth(admin, bearer).attach('file', data, name);
  }
  async function categories(): Promise<TagCategoryList> {
    return (await api.http.get('/api/tags/categories').auth(admin, bearer).expect(200)).body as TagCategoryList;
  }
  const notUtf8 = expect.stringMatching(/^The file is not UTF-8 text \(\d+ lines? could not be read\); nothing was changed$/);
  const controls = expect.stringMatching(/^The file is not a text tag list \(control or text-direction characters on \d+ lines?\); nothing was changed$/);

  it.each<[string, () => Promise<Buffer>, string, unknown]>([
    ['a program', programHead, 'node', notUtf8],
    ['a PNG image', () => sampleImage('png'), 'image.png', notUtf8],
    ['a single NUL byte', async () => Buffer.from([0]), 'nul.csv', 'The file is not a text tag list (control or text-direction characters on 1 line); nothing was changed'],
    ['Latin-1 text', async () => Buffer.from('café,0,1,\nthé,0,2,\n', 'latin1'), 'latin1.csv', 'The file is not UTF-8 text (2 lines could not be read); nothing was changed'],
    ['text with terminal escapes', async () => Buffer.from('red,0,1,\n\u001b[2Jcleared,0,1,\n'), 'escapes.csv', controls],
    ['a JSON file', async () => Buffer.from('{"tags": ["long_hair", "smile"]}'), 'tags.json', 'The tag list has 1 bad line; nothing was changed'],
    ['a markdown README', async () => Buffer.from('# Project\n## Install\nRun npm install.\nThen npm start.\n- `one` — 1\nSee the docs.\n'), 'README.md', expect.stringMatching(/^Most lines are not tag entries/)],
  ])('refuses %s with 400 and the line report, keeping the served list', async (_case, make, name, message) => {
    const res = await importFile(await make(), name);
    expect([res.status, res.body.message]).toEqual([400, message]);
    expect(res.body.errors.length).toBeGreaterThan(0);
    for (const error of res.body.errors as { field: string; message: string }[]) expect(error).toEqual({ field: expect.stringMatching(/^file\.line\.\d+$/), message: expect.stringMatching(/^line \d+: /) });
    expect(await categories()).toEqual(served);
  });

  it('names the list after the file, read as UTF-8, without its control or text-direction characters', async () => {
    const res = await importFile(Buffer.from('red_scarf,0,5,\n'), 'café\u202Evsc.csv').expect(200);
    expect([res.body.source, (await categories()).list?.source]).toEqual(['cafévsc.csv', 'cafévsc.csv']);
  });
});
