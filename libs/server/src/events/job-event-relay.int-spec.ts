import type { JobEventName } from '@app/shared/contracts/socket-events';
import type { OutputView } from '@app/shared/contracts/api/generations';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../../apps/api/test/support/test-database';
import { migrateToLatest, openDatabase, type Database } from '../db/database';
import { outputView } from '../media/output-view';
import { JobsRepository, type NewOutput } from '../repositories/jobs.repository';
import { newId } from '../system/ids';
import { SystemClock } from '../system/clock';
import { JobEventOutbox } from './job-event-outbox';
import { JobEventRelay, type RelayOptions } from './job-event-relay';
import { JobEventsBus, type DeliveredEvent } from './job-events';

/** Fast enough for a test, slow enough that a writer's own publish always comes first. */
const FAST: RelayOptions = { intervalMs: 100, graceMs: 300, leaseMs: 600 };

describe('J-6 / X-6 the job-event outbox and its relays (real database and Redis)', () => {
  let dir: string;
  let testDb: TestDatabase;
  let db: Database;
  let redis: Redis;
  let bus: JobEventsBus;
  let jobs: JobsRepository;
  let outbox: JobEventOutbox;
  let received: DeliveredEvent[];
  let unsubscribe: () => Promise<void>;
  const relays: JobEventRelay[] = [];
  const clock = new SystemClock();
  let userId: string;
  let workflowId: string;

  /** Another process's relay on the same database and Redis; `started` runs its timer like a booted app. */
  function relay(options: Partial<RelayOptions> = FAST, started = false): JobEventRelay {
    const created = new JobEventRelay(new JobEventOutbox(db), bus, clock, options);
    relays.push(created);
    if (started) created.onApplicationBootstrap();
    return created;
  }

  async function newJob(): Promise<string> {
    const id = newId();
    await jobs.createMany([{ id, userId, workflowId, workflowVersion: 1, batchId: null, values: {}, randomize: [], bypass: [], resolvedValues: {}, seed: 1, retryOf: null }], clock.now());
    return id;
  }

  function output(jobId: string, id = newId()): NewOutput {
    return { id, jobId, userId, nodeId: '9', classType: 'SaveImage', batchIndex: 0, kind: 'image', mime: 'image/png', ext: 'png', width: 8, height: 8, durationMs: null, frames: null, fps: null, bytes: 1, sha256: 'x', relPath: `${id}.png`, thumbhash: null, createdAt: clock.now() };
  }

  function view(row: NewOutput): OutputView {
    const url = `/api/media/output/${row.id}`;
    return outputView({ ...row, deletedAt: null }, { original: url, thumb256: url, thumb768: url, download: url, downloadClean: url });
  }

  function eventsOf(jobId: string): [JobEventName, number][] {
    return received.filter((e) => e.payload.jobId === jobId).map((e) => [e.event, e.payload.seq]);
  }

  async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms; received ${JSON.stringify(received.map((e) => [e.event, e.payload.seq]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function waiting(jobId: string): Promise<number> {
    const rows = await db.selectFrom('jobEvents').select('seq').where('jobId', '=', jobId).execute();
    return rows.length;
  }

  beforeAll(async () => {
    // The relay logs what it drops or republishes; these tests provoke both on purpose.
    Logger.overrideLogger(false);
    dir = mkdtempSync(join(tmpdir(), 'cs-outbox-'));
    testDb = await createTestDatabase();
    db = openDatabase(testDb.env.DATABASE_URL ? { kind: 'postgres', url: testDb.env.DATABASE_URL } : { kind: 'sqlite', file: join(dir, 'app.db') });
    await migrateToLatest(db);
    redis = new Redis(process.env.TEST_REDIS_URL ?? '');
    bus = new JobEventsBus(redis, `outbox-${Math.random().toString(36).slice(2)}`);
    jobs = new JobsRepository(db);
    outbox = new JobEventOutbox(db);
    userId = newId();
    workflowId = newId();
    const now = clock.now();
    await db.insertInto('users').values({ id: userId, email: `${userId}@test.local`, displayName: 'Outbox', role: 'member', state: 'active', passwordHash: 'x', mustChangePassword: 0, createdAt: now, updatedAt: now }).execute();
    await db.insertInto('workflows').values({ id: workflowId, name: 'wf', nameKey: 'wf', description: '', type: 'cozygen', source: 'test', currentVersion: 1, createdBy: null, createdAt: now, updatedAt: now, deletedAt: null }).execute();
    unsubscribe = await bus.subscribe((event) => received.push(event));
  });

  beforeEach(() => {
    received = [];
  });

  afterEach(async () => {
    for (const created of relays.splice(0)) await created.onModuleDestroy();
  });

  afterAll(async () => {
    await unsubscribe();
    await redis.quit();
    await db.destroy();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('numbers each state event in the transaction that makes it true and publishes them in order, then forgets them', async () => {
    const id = await newJob();
    expect(await jobs.transition(id, 'dispatch', {}, clock.now(), [{ event: 'job.dispatched', payload: { backend: 'gpu-1' } }])).toBe(true);
    expect(await jobs.transition(id, 'start', {}, clock.now(), [{ event: 'job.started', payload: {} }])).toBe(true);
    expect(await jobs.transition(id, 'ingest', {}, clock.now())).toBe(true);
    const rows = [output(id), output(id)];
    const views = rows.map(view);
    expect(await jobs.complete(id, rows, clock.now(), [...views.map((o) => ({ event: 'job.output' as const, payload: { output: o } })), { event: 'job.completed', payload: { outputs: views } }])).toBe(true);

    await relay().publish([id]);

    await waitFor(() => eventsOf(id).length === 6);
    expect(eventsOf(id)).toEqual([
      ['job.queued', 1],
      ['job.dispatched', 2],
      ['job.started', 3],
      ['job.output', 4],
      ['job.output', 5],
      ['job.completed', 6],
    ]);
    expect(received.find((e) => e.event === 'job.completed')?.payload).toMatchObject({ outputs: views });
    expect((await jobs.find(id))?.eventSeq).toBe(6);
    expect(await waiting(id)).toBe(0);
  });

  it('writes nothing when the transition does not apply, and nothing at all when its transaction fails', async () => {
    const id = await newJob();
    expect(await jobs.transition(id, 'complete', {}, clock.now(), [{ event: 'job.completed', payload: { outputs: [] } }])).toBe(false);
    await jobs.transition(id, 'dispatch', {}, clock.now());
    await jobs.transition(id, 'ingest', {}, clock.now());
    const twice = output(id);
    const outcome = await jobs.complete(id, [twice, twice], clock.now(), [{ event: 'job.completed', payload: { outputs: [] } }]).then(
      () => 'committed',
      (error: unknown) => String(error),
    );

    expect(outcome).toMatch(/UNIQUE constraint|duplicate key/);

    expect((await jobs.find(id))?.status).toBe('ingesting');
    expect((await jobs.find(id))?.eventSeq).toBe(1);
    expect(await db.selectFrom('jobEvents').select('seq').where('jobId', '=', id).execute()).toEqual([{ seq: 1 }]);
  });

  it('a commit whose writer died before publishing reaches subscribers from another process within moments', async () => {
    const id = await newJob();
    await jobs.transition(id, 'dispatch', {}, clock.now(), [{ event: 'job.dispatched', payload: { backend: 'gpu-1' } }]);
    await jobs.transition(id, 'fail', { error: { kind: 'internal', message: 'boom' } }, clock.now(), [{ event: 'job.failed', payload: { error: { kind: 'internal', message: 'boom' } } }]);
    const started = Date.now();

    relay(FAST, true);

    await waitFor(() => eventsOf(id).length === 3);
    expect(eventsOf(id)).toEqual([
      ['job.queued', 1],
      ['job.dispatched', 2],
      ['job.failed', 3],
    ]);
    // The grace period (300 ms here, 1 s in production) plus at most one interval.
    expect(Date.now() - started).toBeLessThan(FAST.graceMs + FAST.intervalMs + 1000);
    await waitFor(async () => (await waiting(id)) === 0);
  });

  it('rows a relay claimed and never removed (it died) are published again once its lease runs out, with the same seq', async () => {
    const id = await newJob();
    const claimed = await outbox.claim([id], 'dead-relay', clock.now(), clock.now() + 800);
    expect(claimed.map((row) => row.seq)).toEqual([1]);

    relay(FAST, true);
    await new Promise((r) => setTimeout(r, 500));
    expect(eventsOf(id)).toEqual([]);

    await waitFor(() => eventsOf(id).length === 1);
    expect(eventsOf(id)).toEqual([['job.queued', 1]]);
    await waitFor(async () => (await waiting(id)) === 0);
  });

  it('three relays draining the same leftovers publish each row once', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, () => newJob()));
    for (const id of ids) await jobs.transition(id, 'cancel', {}, clock.now(), [{ event: 'job.cancelled', payload: {} }]);
    await new Promise((r) => setTimeout(r, FAST.graceMs));

    const three = [relay(), relay(), relay()];
    await Promise.all(three.map((r) => r.drain()));
    await Promise.all(three.map((r) => r.drain()));

    const seen = () => received.filter((e) => ids.includes(e.payload.jobId)).map((e) => `${e.payload.jobId}:${e.payload.seq}`);
    await waitFor(() => seen().length >= 60);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen()).toHaveLength(60);
    expect(new Set(seen()).size).toBe(60);
    for (const id of ids) expect(await waiting(id)).toBe(0);
  });

  it('keeps events nobody received (no api process listening) and sends them, in order, once one listens', async () => {
    const quiet = new JobEventsBus(redis, `quiet-${Math.random().toString(36).slice(2)}`);
    const alone = new JobEventRelay(new JobEventOutbox(db), quiet, clock, FAST);
    relays.push(alone);
    const id = await newJob();
    await alone.publish([id]);
    await jobs.transition(id, 'cancel', {}, clock.now(), [{ event: 'job.cancelled', payload: {} }]);
    await alone.publish([id]);
    expect(await waiting(id)).toBe(2);

    const heard: DeliveredEvent[] = [];
    const stop = await quiet.subscribe((event) => heard.push(event));
    try {
      await new Promise((r) => setTimeout(r, FAST.graceMs));
      await alone.drain();
      await waitFor(() => heard.length === 2);
      expect(heard.map((e) => [e.event, e.payload.seq])).toEqual([
        ['job.queued', 1],
        ['job.cancelled', 2],
      ]);
      expect(await waiting(id)).toBe(0);
    } finally {
      await stop();
    }
  });

  it('drops a row that no longer reads as its event instead of retrying it forever', async () => {
    const id = await newJob();
    await db.updateTable('jobEvents').set({ payload: '{"position":"first"}' }).where('jobId', '=', id).execute();

    await relay().publish([id]);

    expect(eventsOf(id)).toEqual([]);
    expect(await waiting(id)).toBe(0);
  });

  it('numbers live events (progress, previews) with the state event they follow', async () => {
    const id = await newJob();
    const relayA = relay();
    await relayA.publish([id]);
    await jobs.transition(id, 'start', {}, clock.now(), [{ event: 'job.started', payload: {} }]);
    const record = (await jobs.find(id))!;
    await relayA.publish([id]);
    // A record read before the start (seq 1) still gets seq 2 from the relay that published the start.
    await relayA.publishLive({ ...record, eventSeq: 1 }, 'job.progress', { jobId: id, value: 1, max: 2, node: null, overall: 0.5 });
    await relay().publishLive(record, 'job.preview', { jobId: id, image: 'data:image/jpeg;base64,' });

    await waitFor(() => eventsOf(id).length === 4);
    expect(eventsOf(id)).toEqual([
      ['job.queued', 1],
      ['job.started', 2],
      ['job.progress', 2],
      ['job.preview', 2],
    ]);
  });
});
