import type { OutputMediaUrls } from '@app/shared/contracts/api/media';
import { DATABASE } from '@app/server/db/database.tokens';
import type { Database } from '@app/server/db/database';
import { ingestOutput, placeOutput, type IngestedOutput } from '@app/server/media/ingest-output';
import { MediaSigner } from '@app/server/media/media-signer';
import { readPngText } from '@app/server/media/png-text';
import { tempFolder, writeSample, type SampleFormat } from '@app/server/media/testing/sample-media';
import { newId } from '@app/server/system/ids';
import { fixturePath } from '@test/fixtures';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { MediaUrls } from '@app/server/media/media-urls';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
const DAY = 86_400;

interface StoredOutput extends IngestedOutput {
  id: string;
  userId: string;
}

const binary = (res: Response) => res.body as Buffer;

describe('S-24 signed media', () => {
  let api: TestApi;
  let db: Database;
  let urls: MediaUrls;
  let downloads: Awaited<ReturnType<typeof tempFolder>>;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let png: StoredOutput;
  let video: StoredOutput;
  let audio: StoredOutput;

  async function me(token: string): Promise<string> {
    return ((await api.http.get('/api/auth/me').auth(token, bearer).expect(200)).body as { id: string }).id;
  }

  /** Ingests a real file for `userId` and records it the way the worker will. */
  async function storeOutput(userId: string, source: string, pngText?: [string, string][]): Promise<StoredOutput> {
    const now = Date.now();
    const workflowId = newId();
    const jobId = newId();
    await db.insertInto('workflows').values({ id: workflowId, name: `wf-${workflowId}`, nameKey: `wf-${workflowId}`, description: '', type: 'cozygen', source: 'test', currentVersion: 1, createdBy: null, createdAt: now, updatedAt: now, deletedAt: null }).execute();
    await db
      .insertInto('jobs')
      .values({ id: jobId, userId, workflowId, workflowVersion: 1, batchId: null, status: 'completed', values: '{}', randomize: '[]', bypass: '[]', resolvedValues: '{}', seed: 1, compiledGraph: null, backendId: null, clientId: null, error: null, retryOf: null, attempts: 1, cancelRequestedAt: null, queuedAt: now, dispatchedAt: null, startedAt: null, finishedAt: now, ingestedAt: now, updatedAt: now, eventSeq: 0 })
      .execute();
    const id = newId();
    const ingested = await ingestOutput({ config: api.config, stageDir: downloads.dir, sourcePath: source, userId, outputId: id, createdAt: now, pngText });
    await placeOutput(api.config, downloads.dir, { id, userId, ...ingested });
    await db.insertInto('outputs').values({ id, jobId, userId, nodeId: '9', classType: 'SaveImage', batchIndex: 0, ...ingested, createdAt: now, deletedAt: null }).execute();
    return { id, userId, ...ingested };
  }

  const urlsFor = (user: { id: string }, output: StoredOutput): OutputMediaUrls => urls.urlsForOutput(user, output);

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<Database>(DATABASE);
    urls = api.app.get(MediaUrls);
    downloads = await tempFolder('cs-media-e2e-');
    const a = await api.createUser('alice@test.local');
    const b = await api.createUser('bob@test.local');
    alice = { id: await me(a.token), token: a.token };
    bob = { id: await me(b.token), token: b.token };
    const comfy = join(downloads.dir, 'ComfyUI_00001_.png');
    await copyFile(fixturePath('comfyui-real/01-output-sample.png'), comfy);
    png = await storeOutput(alice.id, comfy, [['cozy_job', '{"jobId":"x"}']]);
    video = await storeOutput(alice.id, await writeSample(downloads.dir, 'mp4' satisfies SampleFormat));
    audio = await storeOutput(alice.id, await writeSample(downloads.dir, 'flac'));
  });
  afterAll(async () => {
    await api.close();
    await downloads.remove();
  });

  it('serves the original with private caching for the life of the URL, a strong ETag and an inline name', async () => {
    const res = await api.http.get(urlsFor(alice, png).original).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${png.id}.png"`);
    expect(res.headers.etag).toBe(`"${png.sha256.slice(0, 32)}-original"`);
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(res.headers['cache-control'] ?? '')?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(DAY);
    expect(maxAge).toBeLessThanOrEqual(2 * DAY);
    expect(binary(res).equals(await readFile(join(api.config.paths.outputs, png.relPath)))).toBe(true);
  });

  it('serves both WebP thumbnails (G-5)', async () => {
    for (const variant of ['thumb256', 'thumb768'] as const) {
      const res = await api.http.get(urlsFor(alice, video)[variant] ?? '').buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect((await sharp(binary(res)).metadata()).width).toBe(variant === 'thumb256' ? 256 : 320);
    }
  });

  it('G-10 downloads the original as an attachment, and a PNG without its text chunks', async () => {
    const download = await api.http.get(urlsFor(alice, png).download).buffer(true).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${png.id}.png"`);
    expect(readPngText(binary(download)).map(([keyword]) => keyword)).toEqual(['prompt', 'cozy_job']);
    const clean = await api.http.get(urlsFor(alice, png).downloadClean ?? '').buffer(true).expect(200);
    expect(clean.headers['content-disposition']).toBe(`attachment; filename="${png.id}.png"`);
    expect(readPngText(binary(clean))).toEqual([]);
    const [pixels, cleanPixels] = await Promise.all([sharp(binary(download)).raw().toBuffer(), sharp(binary(clean)).raw().toBuffer()]);
    expect(cleanPixels.equals(pixels)).toBe(true);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    for (const url of [urlsFor(alice, png).original, urlsFor(alice, png).thumb256 ?? '', urlsFor(alice, png).downloadClean ?? '']) {
      const first = await api.http.get(url).expect(200);
      const again = await api.http.get(url).set('If-None-Match', first.headers.etag ?? '').expect(304);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
  });

  it('serves byte ranges of a video for seeking', async () => {
    const whole = await readFile(join(api.config.paths.outputs, video.relPath));
    const res = await api.http.get(urlsFor(alice, video).original).set('Range', 'bytes=100-199').buffer(true).expect(206);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['content-range']).toBe(`bytes 100-199/${whole.length}`);
    expect(binary(res).equals(whole.subarray(100, 200))).toBe(true);
    const outside = await api.http.get(urlsFor(alice, video).original).set('Range', `bytes=${whole.length + 10}-`).expect(416);
    expect(outside.headers['content-range']).toBe(`bytes */${whole.length}`);
    expect(outside.body).toEqual({ statusCode: 416, message: 'Range Not Satisfiable' });
  });

  it('gives audio no thumbnails and non-PNGs no clean download', async () => {
    expect(urlsFor(alice, audio)).toEqual({ original: expect.any(String), thumb256: null, thumb768: null, download: expect.any(String), downloadClean: null });
    expect(urlsFor(alice, video).downloadClean).toBeNull();
    const res = await api.http.get(urlsFor(alice, audio).original).expect(200);
    expect(res.headers['content-type']).toBe('audio/flac');
    const signer = api.app.get(MediaSigner);
    await api.http.get(signer.url({ resource: 'output', id: audio.id, variant: 'thumb256', userId: alice.id }, Date.now())).expect(404);
    await api.http.get(signer.url({ resource: 'output', id: video.id, variant: 'download-clean', userId: alice.id }, Date.now())).expect(404);
  });

  describe('U-5 every refusal is the same 404', () => {
    const expect404 = async (url: string) => {
      const res = await api.http.get(url).expect(404);
      expect(res.body).toEqual({ statusCode: 404, message: 'Not found' });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    };
    const tweak = (url: string, name: string, value: (old: string) => string) => {
      const parsed = new URL(url, 'http://x');
      parsed.searchParams.set(name, value(parsed.searchParams.get(name) ?? ''));
      return `${parsed.pathname}?${parsed.searchParams.toString()}`;
    };

    it('another user replaying the URL under their own name (the signature binds the user)', async () => {
      await expect404(tweak(urlsFor(alice, png).original, 'u', () => bob.id));
    });

    it('a URL signed for another user who does not own the output', async () => {
      await expect404(urlsFor(bob, png).original);
    });

    it.each<[string, (url: string) => string]>([
      ['a changed signature', (url) => tweak(url, 'sig', (sig) => `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)],
      ['a later expiry', (url) => tweak(url, 'exp', (exp) => String(Number(exp) + DAY))],
      ['an earlier expiry', (url) => tweak(url, 'exp', (exp) => String(Number(exp) - DAY))],
      ['a non-numeric expiry', (url) => tweak(url, 'exp', () => 'soon')],
      ['no signature', (url) => url.replace(/&sig=[^&]+/, '')],
      ['another variant', (url) => url.replace('/original?', '/download?')],
      ['another output', (url) => url.replace(png.id, video.id)],
      ['a malformed id', (url) => url.replace(png.id, 'not-a-uuid')],
      ['an unknown kind', (url) => url.replace('/output/', '/grid/')],
    ])('%s', async (_name, change) => {
      await expect404(change(urlsFor(alice, png).original));
    });

    it('an expired URL', async () => {
      const signer = api.app.get(MediaSigner);
      await expect404(signer.url({ resource: 'output', id: png.id, variant: 'original', userId: alice.id }, Date.now() - 3 * DAY * 1000));
    });

    it('an output moved to the trash, and one whose file is gone from disk', async () => {
      const trashed = await storeOutput(alice.id, await writeSample(downloads.dir, 'png', 'trashed.bin'));
      const url = urlsFor(alice, trashed).original;
      await api.http.get(url).expect(200);
      await db.updateTable('outputs').set({ deletedAt: Date.now() }).where('id', '=', trashed.id).execute();
      await expect404(url);
      const vanished = await storeOutput(alice.id, await writeSample(downloads.dir, 'png', 'vanished.bin'));
      await rm(join(api.config.paths.outputs, vanished.relPath));
      await expect404(urlsFor(alice, vanished).original);
    });

    it('a signer who has been disabled', async () => {
      const carol = await api.createUser('carol@test.local');
      const carolId = await me(carol.token);
      const own = await storeOutput(carolId, await writeSample(downloads.dir, 'jpeg', 'carol.bin'));
      const url = urlsFor({ id: carolId }, own).thumb256 ?? '';
      await api.http.get(url).expect(200);
      const admin = (await api.loginAdmin()).accessToken;
      await api.http.patch(`/api/users/${carolId}`).auth(admin, bearer).send({ state: 'disabled' }).expect(200);
      await expect404(url);
    });
  });
});
