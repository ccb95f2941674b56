import type { CreatedToken } from '@app/shared/contracts/api/tokens';
import type { Upload, UploadList } from '@app/shared/contracts/api/uploads';
import { gradientRgb, sampleImage } from '@app/server/media/testing/sample-media';
import { readPngText } from '@app/server/media/png-text';
import { fixturePath } from '@test/fixtures';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

async function filesUnder(dir: string): Promise<string[]> {
  const found = await stat(dir).then(
    () => true,
    () => false,
  );
  if (!found) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function phonePhoto(): Promise<Buffer> {
  return sharp(gradientRgb(300, 200), { raw: { width: 300, height: 200, channels: 3 } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe('J-2 / S-15 image uploads api', () => {
  let api: TestApi;
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    api = await startTestApi();
    alice = (await api.createUser('alice@test.local')).token;
    bob = (await api.createUser('bob@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const upload = (token: string, data: Buffer, name: string, field = 'file') => api.http.post('/api/uploads').auth(token, bearer).attach(field, data, name);
  const storedFiles = async () => [...(await filesUnder(api.config.paths.uploads)), ...(await filesUnder(api.config.paths.thumbs))];
  const listAll = async (token: string) => ((await api.http.get('/api/uploads').query({ limit: 200 }).auth(token, bearer).expect(200)).body as UploadList).items;

  describe('bad input is refused with a field error and leaves nothing behind', () => {
    const tooMany = () => sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#336699' } }).png().toBuffer();
    it.each<[string, () => Promise<{ status: number; body: unknown }>, number, { field: string; message: string }[]]>([
      ['a text file named .png', async () => upload(alice, Buffer.from('not an image at all'), 'photo.png'), 400, [{ field: 'file', message: 'must be a PNG, JPEG or WebP image' }]],
      ['a GIF', async () => upload(alice, await sampleImage('gif'), 'anim.gif'), 400, [{ field: 'file', message: 'must be a PNG, JPEG or WebP image' }]],
      ['more than 40 megapixels', async () => upload(alice, await tooMany(), 'huge.png'), 400, [{ field: 'file', message: 'is 8000×5001 (40.0 megapixels); at most 40 megapixels are accepted' }]],
      ['more than 25 MB', async () => upload(alice, Buffer.alloc(25 * 1024 * 1024 + 1, 1), 'big.png'), 413, [{ field: 'file', message: 'must be at most 25 MB' }]],
      ['no body at all', async () => api.http.post('/api/uploads').auth(alice, bearer), 400, [{ field: 'file', message: 'is required (send multipart/form-data)' }]],
      ['a JSON body', async () => api.http.post('/api/uploads').auth(alice, bearer).send({ file: 'x' }), 400, [{ field: 'file', message: 'is required (send multipart/form-data)' }]],
      ['a form without a file', async () => api.http.post('/api/uploads').auth(alice, bearer).field('note', 'hello'), 400, [{ field: 'file', message: 'is required' }, { field: 'note', message: 'unknown field' }]],
      ['the file in the wrong field', async () => upload(alice, await sampleImage('png'), 'a.png', 'image'), 400, [{ field: 'file', message: 'is required' }, { field: 'image', message: 'unknown field' }]],
      [
        'two files',
        async () => api.http.post('/api/uploads').auth(alice, bearer).attach('file', await sampleImage('png'), 'a.png').attach('file', await sampleImage('png'), 'b.png'),
        400,
        [{ field: 'file', message: 'must be exactly one file' }],
      ],
    ])('%s', async (_name, send, status, errors) => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ statusCode: status, message: expect.any(String), errors });
      expect(await storedFiles()).toEqual([]);
      expect(await listAll(alice)).toEqual([]);
    });

    it('needs the generate scope: a read-only token gets 403', async () => {
      const token = (await api.http.post('/api/tokens').auth(alice, bearer).send({ name: 'ro', scopes: ['read'] }).expect(201)).body as CreatedToken;
      await upload(token.secret, await sampleImage('png'), 'a.png').expect(403);
      expect(await storedFiles()).toEqual([]);
    });
  });

  it('stores a phone photo oriented and without EXIF or GPS, under a generated id, with the name as a label only', async () => {
    const res = await upload(alice, await phonePhoto(), '../../etc/holiday.jpg').expect(201);
    const body = res.body as Upload;
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      label: 'holiday.jpg',
      mime: 'image/jpeg',
      width: 200,
      height: 300,
      bytes: expect.any(Number),
      createdAt: expect.any(Number),
      urls: { file: expect.stringMatching(`^/api/media/upload/${body.id}/original\\?u=`), thumb: expect.stringMatching(`^/api/media/upload/${body.id}/thumb256\\?u=`) },
    });
    expect(JSON.stringify(body)).not.toContain(api.config.dataDir);
    const files = await storedFiles();
    expect(files.map((file) => file.replace(api.config.dataDir, ''))).toEqual(expect.arrayContaining([expect.stringMatching(`^/uploads/[0-9a-f-]{36}/${body.id}\\.jpg$`), `/thumbs/${body.id}-256.webp`, `/thumbs/${body.id}-768.webp`]));

    const file = await api.http.get(body.urls.file).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.body.length).toBe(body.bytes);
    const meta = await sharp(file.body as Buffer).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([200, 300, undefined, undefined]);
    const thumb = await api.http.get(body.urls.thumb).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');

    expect((await api.http.get(`/api/uploads/${body.id}`).auth(alice, bearer).expect(200)).body).toEqual({ ...body, urls: expect.any(Object) });
  });

  it('keeps a PNG a PNG without its text chunks', async () => {
    const body = (await upload(alice, await readFile(fixturePath('comfyui-real/01-output-sample.png')), 'comfy.png').expect(201)).body as Upload;
    expect(body.mime).toBe('image/png');
    const file = await api.http.get(body.urls.file).buffer(true).expect(200);
    expect(readPngText(file.body as Buffer)).toEqual([]);
  });

  it('lists newest first with keyset paging', async () => {
    const ids: string[] = [];
    for (const name of ['one.png', 'two.png', 'three.png']) ids.push(((await upload(bob, await sampleImage('png', 20, 20), name).expect(201)).body as Upload).id);
    const first = (await api.http.get('/api/uploads').query({ limit: 2 }).auth(bob, bearer).expect(200)).body as UploadList;
    expect(first.items.map((item) => item.label)).toEqual(['three.png', 'two.png']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await api.http.get('/api/uploads').query({ limit: 2, cursor: first.nextCursor }).auth(bob, bearer).expect(200)).body as UploadList;
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0], label: 'one.png' })], nextCursor: null });
    const bad = await api.http.get('/api/uploads').query({ cursor: 'not-a-cursor' }).auth(bob, bearer).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'query.cursor', message: 'is not a cursor this api gave out' }]);
  });

  it('U-5 another user’s upload is 404 everywhere, and its signed URL does not work for them', async () => {
    const mine = (await upload(alice, await sampleImage('webp', 30, 30), 'private.webp').expect(201)).body as Upload;
    await api.http.get(`/api/uploads/${mine.id}`).auth(bob, bearer).expect(404);
    await api.http.delete(`/api/uploads/${mine.id}`).auth(bob, bearer).expect(404);
    expect((await listAll(bob)).map((item) => item.id)).not.toContain(mine.id);
    const bobId = ((await api.http.get('/api/auth/me').auth(bob, bearer).expect(200)).body as { id: string }).id;
    const replayed = mine.urls.file.replace(/u=[^&]+/, `u=${bobId}`);
    await api.http.get(replayed).expect(404);
    await api.http.get(mine.urls.file).expect(200);
  });

  it('deletes the record, the file and both thumbnails', async () => {
    const body = (await upload(alice, await sampleImage('png', 40, 40), 'gone.png').expect(201)).body as Upload;
    await api.http.delete(`/api/uploads/${body.id}`).auth(alice, bearer).expect(204);
    await api.http.get(`/api/uploads/${body.id}`).auth(alice, bearer).expect(404);
    await api.http.get(body.urls.file).expect(404);
    await api.http.get(body.urls.thumb).expect(404);
    expect((await storedFiles()).filter((file) => file.includes(body.id))).toEqual([]);
    await api.http.delete(`/api/uploads/${body.id}`).auth(alice, bearer).expect(404);
  });

  it('checks ids as UUIDs before looking anything up', async () => {
    const res = await api.http.get('/api/uploads/not-a-uuid').auth(alice, bearer).expect(400);
    expect(res.body.errors).toEqual([{ field: 'params.id', message: 'must be a UUID' }]);
  });
});
