import { DATABASE } from '@app/server/db/database.tokens';
import type { Database } from '@app/server/db/database';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFixtureJson } from '@test/fixtures';
import { filesOnDisk } from './support/stored-files';
import { startTestStack, type TestStack } from './support/test-stack';
import { until } from './support/until';
import { startWorkerProcess } from './support/worker-process';

const bearer = { type: 'bearer' } as const;

describe('X-6 / J-10 a worker killed while it ingests outputs', () => {
  let stack: TestStack;
  let db: Database;
  let flux: string;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false, sim: { stepMs: 20 } });
    db = stack.api.app.get<Database>(DATABASE);
    flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
  });
  afterEach(async () => {
    await stack.stopWorker();
  });
  afterAll(async () => {
    await stack.close();
  });

  /**
   * A job of two outputs whose worker is SIGKILLed while it ingests them: the first is done, the
   * second's download is held up by the backend.
   */
  async function killedMidIngest(email: string): Promise<{ token: string; id: string }> {
    const child = await startWorkerProcess(stack);
    const { token } = await stack.api.createUser(email);
    const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: email, Width: 64, Height: 64, Steps: 5, 'Batch Size': 2 } }).expect(202);
    const [{ id }] = res.body.jobs as [{ id: string }];
    await stack.waitForJob(token, id, (s) => s === 'running');
    stack.sim.faults.set({ stallMs: 1_500 });
    await stack.waitForJob(token, id, (s) => s === 'ingesting');
    const sim = stack.sim;
    await until(() => sim.requests.count('GET /view') >= 2, 'the second download', 10_000);
    await child.kill();
    sim.faults.clear();
    return { token, id };
  }

  async function expectOneRunAndNothingOrphaned(id: string): Promise<void> {
    // ComfyUI ran the prompt once: two files in its folder, whatever happened to its history.
    expect(await readdir(join(stack.sim.dataDir, 'output', 'cg', id))).toHaveLength(2);
    const { stored, owned } = await filesOnDisk(stack.api.config, db);
    expect(stored).toEqual(owned);
  }

  it('the next worker finishes the ingest: completed once, one set of outputs, no file left over', async () => {
    const { token, id } = await killedMidIngest('ingest-crash@test.local');
    await stack.startWorker();
    const job = await stack.waitForJob(token, id);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(2);
    expect(new Set(job.outputs.map((o) => o.id)).size).toBe(2);
    expect(stack.sim.requests.count('POST /prompt')).toBe(1);
    await expectOneRunAndNothingOrphaned(id);
  }, 60_000);

  it('the backend restarting meanwhile (its history gone) does not make it run the prompt again', async () => {
    const { token, id } = await killedMidIngest('ingest-crash-restart@test.local');
    await stack.restartSim();
    await stack.startWorker();
    const job = await stack.waitForJob(token, id);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(2);
    expect(stack.sim.requests.count('POST /prompt')).toBe(0);
    await expectOneRunAndNothingOrphaned(id);
  }, 60_000);

  it('a backend that lost the prompt and its files too runs it again, and only the new run’s outputs are kept', async () => {
    const { token, id } = await killedMidIngest('ingest-crash-wiped@test.local');
    await stack.restartSim(() => rm(join(stack.sim.dataDir, 'output', 'cg', id), { recursive: true, force: true }));
    await stack.startWorker();
    const job = await stack.waitForJob(token, id);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(2);
    expect(stack.sim.requests.count('POST /prompt')).toBe(1);
    await expectOneRunAndNothingOrphaned(id);
  }, 60_000);

  it('a stage left by a worker killed after its job ended is removed at the next start, with what it had placed', async () => {
    const { token, id } = await killedMidIngest('ingest-crash-after@test.local');
    await stack.startWorker();
    expect((await stack.waitForJob(token, id)).status).toBe('completed');
    await stack.stopWorker();
    // What a worker killed between the completion and removing its stage would leave, had it
    // also staged and placed an output no row came to own; and a download of the old layout.
    const { config } = stack.api;
    const { userId } = await db.selectFrom('jobs').select('userId').where('id', '=', id).executeTakeFirstOrThrow();
    const stray = randomUUID();
    const row = { id: stray, jobId: id, userId, nodeId: '9', classType: 'SaveImage', batchIndex: 5, kind: 'image', mime: 'image/png', ext: 'png', width: 1, height: 1, durationMs: null, frames: null, fps: null, bytes: 1, sha256: '0'.repeat(64), relPath: `${userId}/2025/01/${stray}.png`, thumbhash: 'x', createdAt: Date.UTC(2025, 0, 1) };
    const stage = join(config.paths.outputs, '.incoming', id);
    await mkdir(stage, { recursive: true });
    await writeFile(join(stage, `${stray}.json`), JSON.stringify({ row }));
    await writeFile(join(stage, `.${stray}.download.${randomUUID()}.part`), 'half');
    await mkdir(join(config.paths.outputs, userId, '2025', '01'), { recursive: true });
    for (const file of [join(config.paths.outputs, row.relPath), join(config.paths.thumbs, `${stray}-256.webp`), join(config.paths.thumbs, `${stray}-768.webp`)]) await writeFile(file, 'placed');
    await writeFile(join(config.paths.outputs, '.incoming', `${randomUUID()}.part`), 'old layout');

    await stack.startWorker();
    const { stored, owned } = await filesOnDisk(config, db);
    expect(stored).toEqual(owned);
    expect(await readdir(join(config.paths.outputs, '.incoming'))).toEqual([]);
  }, 60_000);
});
