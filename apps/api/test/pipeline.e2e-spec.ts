import type { JobDetail } from '@app/shared/contracts/api/generations';
import { readFixtureJson } from '@test/fixtures';
import extractChunks from 'png-chunks-extract';
import textChunk from 'png-chunk-text';
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
    const original = await stack.api.http.get(output.urls.original).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const texts = Object.fromEntries(extractChunks(original.body as Buffer).filter((c) => c.name === 'tEXt').map((c) => { const t = textChunk.decode(c.data); return [t.keyword, t.text]; }));
    expect(Object.keys(texts)).toEqual(expect.arrayContaining(['prompt', 'cozygen_prompt_raw', 'cozy_job']));
    expect(JSON.parse(texts.cozy_job!)).toMatchObject({ jobId: id, seed: 77, workflow: { name: 'Flux', version: 1 } });
  });
});
