import type { TsChild } from '@app/server/comfy/testing/ts-child-process';
import type { AliasCategoryList, AliasList } from '@app/shared/contracts/api/aliases';
import type { JobList } from '@app/shared/contracts/api/generations';
import type { PresetList } from '@app/shared/contracts/api/presets';
import { readFixtureJson } from '@test/fixtures';
import { startTestStack, type TestStack } from './support/test-stack';
import { startWorkerProcess } from './support/worker-process';

const bearer = { type: 'bearer' } as const;
const BATCH = 150;
/** Concurrent request loops per kind of write. */
const LANES = 3;

type Write = { kind: 'preset' | 'alias' | 'category' | 'preferences'; n: number };

/**
 * A user's ordinary writes while a worker in another process records a batch's results: both
 * processes write the same SQLite file, so lock contention is real. None may fail or be lost.
 */
describe('writes during a batch (separate worker process)', () => {
  let stack: TestStack;
  let worker: TsChild;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false, sim: { stepMs: 1 } });
    worker = await startWorkerProcess(stack);
  }, 60_000);
  afterAll(async () => {
    await worker.kill();
    await stack.close();
  });

  it('answers every preset, alias, category and preference write without a 5xx, and keeps them all', async () => {
    const workflow = (await stack.importWorkflow('Colours', readFixtureJson('workflows/cozygen-min/cozygen-min-dynamic-inputs.json'))).id;
    const { token } = await stack.api.createUser('contention@test.local');
    const { http } = stack.api;
    await http.post('/api/generations').auth(token, bearer).send({ workflowId: workflow, values: { width: 32, height: 32, batch_size: 2 }, count: BATCH }).expect(202);

    const finished = async () => {
      const page = (await http.get('/api/generations?limit=200').auth(token, bearer).expect(200)).body as JobList;
      return page.items.filter((job) => job.status === 'completed').length;
    };
    const failures: string[] = [];
    const done: Write[] = [];
    const send = (write: Write) => {
      const name = `w${write.n}`;
      switch (write.kind) {
        case 'preset':
          return http.post(`/api/workflows/${workflow}/presets`).auth(token, bearer).send({ name, values: { width: 64 + write.n } });
        case 'alias':
          return http.post('/api/aliases').auth(token, bearer).send({ name, text: `text ${write.n}` });
        case 'category':
          return http.post('/api/alias-categories').auth(token, bearer).send({ name });
        case 'preferences':
          return http.patch('/api/auth/me/preferences').auth(token, bearer).send({ tagSpaces: write.n % 2 === 0 });
      }
    };
    const lane = async (kind: Write['kind'], lane: number, perLane: number) => {
      for (let i = 0; i < perLane; i++) {
        const write: Write = { kind, n: lane * perLane + i };
        const res = await send(write);
        if (res.status >= 500) failures.push(`${kind} ${write.n}: ${res.status} ${JSON.stringify(res.body)}`);
        else if (res.status >= 300) throw new Error(`${kind} ${write.n}: ${res.status} ${JSON.stringify(res.body)}`);
        else done.push(write);
      }
    };
    const perLane = 40;
    await Promise.all((['preset', 'alias', 'category', 'preferences'] as const).flatMap((kind) => Array.from({ length: LANES }, (_, n) => lane(kind, n, perLane))));
    // The writes overlapped the worker's recording; it goes on to finish the batch.
    expect(await finished()).toBeLessThan(BATCH);
    expect(failures).toEqual([]);

    const presets = (await http.get(`/api/workflows/${workflow}/presets`).auth(token, bearer).expect(200)).body as PresetList;
    const aliases = (await http.get('/api/aliases?limit=1000').auth(token, bearer).expect(200)).body as AliasList;
    const categories = (await http.get('/api/alias-categories').auth(token, bearer).expect(200)).body as AliasCategoryList;
    const expected = (kind: Write['kind']) => done.filter((w) => w.kind === kind).map((w) => `w${w.n}`).sort();
    expect(presets.items.map((p) => p.name).sort()).toEqual(expected('preset'));
    expect(aliases.items.map((a) => a.name).sort()).toEqual(expected('alias'));
    expect(categories.items.map((c) => c.name).sort()).toEqual(expected('category'));
    expect(done).toHaveLength(4 * LANES * perLane);

    const deadline = Date.now() + 120_000;
    while ((await finished()) < BATCH && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await finished()).toBe(BATCH);
  }, 180_000);
});
