import type { JobDetail } from '@app/shared/contracts/api/generations';
import { readFixtureJson } from '@test/fixtures';
import extractChunks from 'png-chunks-extract';
import textChunk from 'png-chunk-text';
import sharp from 'sharp';
import type { Response } from 'superagent';
import { startTestStack, type TestStack } from './support/test-stack';

const bearer = { type: 'bearer' } as const;

describe('generation pipeline end to end (stand-in, real Redis and SQLite)', () => {
  let stack: TestStack;
  let flux: string;
  beforeAll(async () => {
    stack = await startTestStack();
    flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
  });
  afterAll(async () => {
    await stack.close();
  });

  it('runs a CozyGen workflow with aliases in its prompt to outputs with lineage and thumbnails', async () => {
    const { token } = await stack.api.createUser('pipeline-a@test.local');
    await stack.api.http.post('/api/aliases/import').auth(token, bearer).send(readFixtureJson('aliases/cozygen-aliases.json') as object).expect(200);
    const submitted = await stack.api.http
      .post('/api/generations')
      .auth(token, bearer)
      .send({ workflowId: flux, values: { Prompt: '$prompts:winter_knight$, {red|blue} banner', Width: 256, Height: 192, Seed: 77 } });
    expect(submitted.body).toEqual({ jobs: [{ id: expect.any(String) }] });
    const [{ id }] = submitted.body.jobs as [{ id: string }];
    const job = await stack.waitForJob(token, id);
    expect(job.status).toBe('completed');
    expect(job.seed).toBe(77);
    expect(job.backend).toBe(new URL(stack.sim.url).host);
    const prompt = job.prompts.find((p) => p.field === 'Prompt');
    expect(prompt?.raw).toBe('$prompts:winter_knight$, {red|blue} banner');
    expect(prompt?.expanded).toMatch(/^1girl, knight, armor, long_hair, holding_sword, winter_clothes, coat, scarf, mittens, earmuffs, mountain, snow, winter, cloudy_sky, (red|blue) banner$/);
    expect(job.outputs).toHaveLength(1);
    const [output] = job.outputs as [JobDetail['outputs'][number]];
    expect(output).toMatchObject({ kind: 'image', mime: 'image/png', width: 256, height: 192 });
    expect(output.thumbhash).toEqual(expect.any(String));
    for (const t of [job.timings.dispatchedAt, job.timings.startedAt, job.timings.finishedAt, job.timings.ingestedAt]) expect(t).toEqual(expect.any(Number));

    const thumb = await stack.api.http.get(new URL(output.urls.thumb256!, stack.api.url).pathname + new URL(output.urls.thumb256!, stack.api.url).search).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const original = await stack.api.http.get(output.urls.original).buffer(true).parse(binary);
    const texts = Object.fromEntries(extractChunks(original.body as Buffer).filter((c) => c.name === 'tEXt').map((c) => { const t = textChunk.decode(c.data); return [t.keyword, t.text]; }));
    expect(Object.keys(texts)).toEqual(expect.arrayContaining(['prompt', 'cozygen_prompt_raw', 'cozy_job']));
    expect(JSON.parse(texts.cozy_job!)).toMatchObject({ jobId: id, seed: 77, workflow: { name: 'Flux', version: 1 } });
  });

  it('runs count=5 with five distinct seeds counting up and five outputs, and remembers the values (U-8)', async () => {
    const { token } = await stack.api.createUser('pipeline-count@test.local');
    const values = { Prompt: 'five foxes', Width: 64, Height: 64, Seed: 1000 };
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values, count: 5 }).expect(202);
    const ids = (submitted.body.jobs as { id: string }[]).map((j) => j.id);
    expect(ids).toHaveLength(5);
    const jobs = await Promise.all(ids.map((id) => stack.waitForJob(token, id)));
    expect(jobs.map((j) => j.status)).toEqual(Array(5).fill('completed'));
    expect(jobs.map((j) => j.seed)).toEqual([1000, 1001, 1002, 1003, 1004]);
    expect(new Set(jobs.flatMap((j) => j.outputs.map((o) => o.id))).size).toBe(5);
    const listed = (await stack.api.http.get('/api/generations').auth(token, bearer).expect(200)).body.items as { id: string; cover: { id: string } | null }[];
    expect(listed.map((j) => j.cover?.id).sort()).toEqual(jobs.map((j) => j.outputs[0]?.id).sort());

    const memory = await stack.api.http.get(`/api/workflows/${flux}/memory`).auth(token, bearer).expect(200);
    expect(memory.body).toMatchObject({ values, randomize: [], bypass: [], updatedAt: expect.any(Number) });

    const outputs = await stack.api.http.get('/api/outputs').query({ limit: 3 }).auth(token, bearer).expect(200);
    expect(outputs.body.items).toHaveLength(3);
    const rest = await stack.api.http.get('/api/outputs').query({ limit: 3, cursor: outputs.body.nextCursor }).auth(token, bearer).expect(200);
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    const all = [...outputs.body.items, ...rest.body.items] as { id: string; createdAt: number; workflowName: string }[];
    expect(new Set(all.map((o) => o.id)).size).toBe(5);
    expect(all.every((o) => o.workflowName === 'Flux')).toBe(true);
  });

  it('keeps every job, output, file and event private to its owner (U-5, S-9)', async () => {
    const a = await stack.api.createUser('owner-a@test.local');
    const b = await stack.api.createUser('owner-b@test.local');
    const bSocket = await stack.socket(b.token);
    const aSocket = await stack.socket(a.token);
    const submitted = await stack.api.http.post('/api/generations').auth(a.token, bearer).send({ workflowId: flux, values: { Prompt: 'secret garden', Width: 64, Height: 64 } }).expect(202);
    const [{ id }] = submitted.body.jobs as [{ id: string }];
    const job = await stack.waitForJob(a.token, id);
    const output = job.outputs[0]!;

    await stack.api.http.get(`/api/generations/${id}`).auth(b.token, bearer).expect(404);
    await stack.api.http.delete(`/api/generations/${id}`).auth(b.token, bearer).expect(404);
    await stack.api.http.post(`/api/generations/${id}/retry`).auth(b.token, bearer).send({}).expect(404);
    await stack.api.http.get(`/api/outputs/${output.id}`).auth(b.token, bearer).expect(404);
    await stack.api.http.get(`/api/outputs/${output.id}/file`).auth(b.token, bearer).expect(404);
    await stack.api.http.delete(`/api/outputs/${output.id}`).auth(b.token, bearer).expect(404);
    expect((await stack.api.http.get('/api/generations').auth(b.token, bearer)).body.items).toEqual([]);
    expect((await stack.api.http.get('/api/outputs').auth(b.token, bearer)).body.items).toEqual([]);

    expect(aSocket.events.map((e) => e.name)).toEqual(expect.arrayContaining(['job.queued', 'job.dispatched', 'job.started', 'job.progress', 'job.output', 'job.completed']));
    expect(bSocket.events).toEqual([]);
    const seqs = aSocket.events.filter((e) => (e.payload as { jobId: string }).jobId === id).map((e) => (e.payload as { seq: number }).seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('serves an output to its owner by Bearer and deletes it with its files', async () => {
    const { token } = await stack.api.createUser('deleter@test.local');
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'to delete', Width: 64, Height: 64 } }).expect(202);
    const job = await stack.waitForJob(token, (submitted.body.jobs as [{ id: string }])[0].id);
    const output = job.outputs[0]!;
    const file = await stack.api.http.get(`/api/outputs/${output.id}/file`).auth(token, bearer).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    const thumb = await stack.api.http.get(`/api/outputs/${output.id}/thumb`).query({ size: '768' }).auth(token, bearer).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const detail = await stack.api.http.get(`/api/outputs/${output.id}`).auth(token, bearer).expect(200);
    expect(detail.body.job.id).toBe(job.id);
    await stack.api.http.delete(`/api/outputs/${output.id}`).auth(token, bearer).expect(204);
    await stack.api.http.get(`/api/outputs/${output.id}/file`).auth(token, bearer).expect(404);
    await stack.api.http.get(output.urls.original).expect(404);
    expect((await stack.api.http.get(`/api/generations/${job.id}`).auth(token, bearer)).body.outputs).toEqual([]);
  });

  it('shows admins each backend with its health (E-2)', async () => {
    const admin = await stack.api.loginAdmin();
    const res = await stack.api.http.get('/api/backends').auth(admin.accessToken, bearer).expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ url: stack.sim.url, state: 'up', comfyuiVersion: '0.8.0', slots: 2 })]);
  });

  it('W-20 makes a CozyGen GIF output: the saved WebM becomes an animated GIF at ingest', async () => {
    const clip = (
      await stack.importWorkflow('Clip', {
        '1': { class_type: 'EmptyImage', inputs: { width: 32, height: 24, batch_size: 6, color: 255 } },
        '2': { class_type: 'CozyGenVideoOutput', inputs: { images: ['1', 0], frame_rate: 6, loop_count: 0, filename_prefix: 'clip', format: 'image/gif', pingpong: true } },
      })
    ).id;
    const { token } = await stack.api.createUser('gif-maker@test.local');
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: clip, values: {} }).expect(202);
    const job = await stack.waitForJob(token, (submitted.body.jobs as [{ id: string }])[0].id);
    expect(job.status).toBe('completed');
    expect(job.outputs).toEqual([expect.objectContaining({ kind: 'video', mime: 'image/gif', width: 32, height: 24 })]);
  });

  it('J-2 runs an image-to-image workflow on the user’s own upload, and refuses someone else’s', async () => {
    const invert = (await stack.importWorkflow('Invert', readFixtureJson('workflows/cozygen-min/cozygen-min-image-input.json'))).id;
    const owner = await stack.api.createUser('uploader@test.local');
    const other = await stack.api.createUser('borrower@test.local');
    const red = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
    const upload = await stack.api.http.post('/api/uploads').auth(owner.token, bearer).attach('file', red, 'red.png').expect(201);

    const missing = await stack.api.http.post('/api/generations').auth(owner.token, bearer).send({ workflowId: invert, values: {} }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'body.values.Source Image', message: 'Image required' }]);
    const borrowed = await stack.api.http.post('/api/generations').auth(other.token, bearer).send({ workflowId: invert, values: { 'Source Image': upload.body.id } }).expect(400);
    expect(borrowed.body.errors).toEqual([{ field: 'body.values.Source Image', message: 'no such upload' }]);

    const submitted = await stack.api.http.post('/api/generations').auth(owner.token, bearer).send({ workflowId: invert, values: { 'Source Image': upload.body.id } }).expect(202);
    const job = await stack.waitForJob(owner.token, (submitted.body.jobs as [{ id: string }])[0].id);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(1);
    const file = await stack.api.http.get(`/api/outputs/${job.outputs[0]!.id}/file`).auth(owner.token, bearer).buffer(true).parse(binary);
    const { data, info } = await sharp(file.body as Buffer).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([40, 30]);
    expect([...data.subarray(0, 3)]).toEqual([0, 255, 255]);
  });
});

/** supertest parser that keeps a binary body as a Buffer. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
