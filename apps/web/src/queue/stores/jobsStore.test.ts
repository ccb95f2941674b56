import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { jobDetail, outputView } from '../../test/jobs';
import { useJobsStore } from './jobsStore';

const ID = 'job-1';

function detailReads(api: { seen: { path: string }[] }): number {
  return api.seen.filter((seen) => seen.path === `/generations/${ID}`).length;
}

async function storeWith(routes: Routes = {}) {
  const api = fakeApi({
    'GET /generations?limit=30': () => json(200, { items: [jobDetail(ID)], nextCursor: null }),
    [`GET /generations/${ID}`]: () => json(200, jobDetail(ID, 'running', { backend: 'gpu-1' })),
    ...routes,
  });
  const jobs = useJobsStore();
  await jobs.load();
  return { jobs, api };
}

/** Lets single-flight refetches settle. */
async function settled(jobs: ReturnType<typeof useJobsStore>): Promise<void> {
  await jobs.refresh(ID);
}

beforeEach(() => setActivePinia(createPinia()));

describe('J-6 socket events in order, out of order, twice, or with a gap', () => {
  it('applies state events in sequence through the state machine; progress carries its start’s number', async () => {
    const { jobs } = await storeWith();

    jobs.applyEvent('job.dispatched', { jobId: ID, seq: 2, backend: 'gpu-1' });
    jobs.applyEvent('job.started', { jobId: ID, seq: 3 });
    jobs.applyEvent('job.progress', { jobId: ID, seq: 3, value: 5, max: 10, node: { id: '3', title: 'KSampler' }, overall: 0.5 });

    expect(jobs.byId[ID]?.state).toEqual({ status: 'running', progress: { value: 5, max: 10, nodeName: 'KSampler', overall: 0.5 }, preview: null });
    expect(jobs.byId[ID]?.seq).toBe(3);
    expect(jobs.activeJobs.map((job) => job.id)).toEqual([ID]);
  });

  it('drops copies of state events, older ones, and live events older than the state they follow', async () => {
    const { jobs, api } = await storeWith();
    jobs.applyEvent('job.dispatched', { jobId: ID, seq: 2, backend: 'gpu-1' });
    jobs.applyEvent('job.started', { jobId: ID, seq: 3 });
    jobs.applyEvent('job.progress', { jobId: ID, seq: 3, value: 8, max: 10, node: null, overall: 0.8 });

    jobs.applyEvent('job.started', { jobId: ID, seq: 3 });
    jobs.applyEvent('job.progress', { jobId: ID, seq: 2, value: 2, max: 10, node: null, overall: 0.2 });
    expect(jobs.byId[ID]?.state).toMatchObject({ status: 'running', progress: { overall: 0.8 } });
    jobs.applyEvent('job.output', { jobId: ID, seq: 4, output: outputView('o1', ID) });
    jobs.applyEvent('job.completed', { jobId: ID, seq: 5, outputs: [outputView('o1', ID)] });
    jobs.applyEvent('job.output', { jobId: ID, seq: 4, output: outputView('o1', ID) });
    jobs.applyEvent('job.completed', { jobId: ID, seq: 5, outputs: [outputView('o1', ID)] });
    jobs.applyEvent('job.queued', { jobId: ID, seq: 1, position: null });

    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'completed' }, outputCount: 1, seq: 5 });
    expect(jobs.arrivals.map((output) => output.id)).toEqual(['o1']);
    expect(detailReads(api)).toBe(0);
  });

  it('applies progress that outran its start event, and the start event when it comes', async () => {
    const { jobs, api } = await storeWith();
    jobs.applyEvent('job.dispatched', { jobId: ID, seq: 2, backend: 'gpu-1' });

    jobs.applyEvent('job.progress', { jobId: ID, seq: 3, value: 1, max: 10, node: null, overall: 0.1 });
    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'running' }, seq: 2 });
    jobs.applyEvent('job.started', { jobId: ID, seq: 3 });

    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'running', progress: { overall: 0.1 } }, seq: 3 });
    expect(detailReads(api)).toBe(0);
  });

  it('reads the job again when a state event was skipped, and keeps what the events said', async () => {
    const { jobs, api } = await storeWith({ [`GET /generations/${ID}`]: () => json(200, jobDetail(ID, 'running', { backend: 'gpu-1', seq: 3 })) });
    jobs.applyEvent('job.dispatched', { jobId: ID, seq: 2, backend: 'gpu-1' });
    expect(detailReads(api)).toBe(0);

    jobs.applyEvent('job.output', { jobId: ID, seq: 5, output: outputView('o1', ID) });
    await settled(jobs);

    expect(detailReads(api)).toBe(1);
    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'ingesting' }, seq: 5, outputCount: 1 });
  });

  it('reads the job again when a live event shows a state event was skipped', async () => {
    const { jobs, api } = await storeWith();

    jobs.applyEvent('job.progress', { jobId: ID, seq: 3, value: 3, max: 4, node: null, overall: 0.75 });
    await settled(jobs);

    expect(detailReads(api)).toBeGreaterThanOrEqual(1);
    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'running', progress: { overall: 0.75 } } });
  });

  it('drops events the answer it read already contains', async () => {
    const { jobs } = await storeWith({
      'GET /generations?limit=30': () => json(200, { items: [jobDetail(ID, 'completed', { seq: 6, outputCount: 2, cover: outputView('o1', ID) })], nextCursor: null }),
    });

    jobs.applyEvent('job.output', { jobId: ID, seq: 5, output: outputView('o2', ID) });
    jobs.applyEvent('job.queued', { jobId: ID, seq: 1, position: null });

    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'completed' }, seq: 6 });
    expect(jobs.arrivals).toEqual([]);
  });

  it('reads a job it has never seen (submitted on another device) instead of guessing', async () => {
    const other = 'job-2';
    const { jobs, api } = await storeWith({ [`GET /generations/${other}`]: () => json(200, jobDetail(other, 'dispatched')) });

    jobs.applyEvent('job.started', { jobId: other, seq: 3 });
    await jobs.refresh(other);

    expect(api.seen.some((seen) => seen.path === `/generations/${other}`)).toBe(true);
    expect(jobs.byId[other]?.state.status).toBe('dispatched');
  });

  it('reads the list again after a reconnect, and every live job the first page misses', async () => {
    const older = 'job-0';
    const { jobs, api } = await storeWith({
      [`GET /generations/${older}`]: () => json(200, jobDetail(older, 'completed', { seq: 4 })),
    });
    jobs.byId[older] = { ...jobs.byId[ID]!, id: older, timings: { ...jobs.byId[ID]!.timings, queuedAt: 0 } };

    await jobs.resync();
    await jobs.refresh(older);

    expect(api.seen.filter((seen) => seen.path === '/generations?limit=30')).toHaveLength(2);
    expect(jobs.byId[older]?.state.status).toBe('completed');
  });

  it('after a reconnect, a job that ended while the socket was down no longer counts as running', async () => {
    let answer = jobDetail(ID, 'running', { seq: 3 });
    const { jobs } = await storeWith({ 'GET /generations?limit=30': () => json(200, { items: [answer], nextCursor: null }) });
    jobs.applyEvent('job.progress', { jobId: ID, seq: 3, value: 1, max: 2, node: null, overall: 0.5 });
    expect(jobs.activeJobs).toHaveLength(1);

    answer = jobDetail(ID, 'completed', { seq: 6, outputCount: 2, cover: outputView('o1', ID) });
    await jobs.resync();

    expect(jobs.activeJobs).toEqual([]);
    expect(jobs.byId[ID]).toMatchObject({ state: { status: 'completed' }, seq: 6, outputCount: 2 });
  });
});

describe('J-8 / J-9 cancel and retry', () => {
  it('ends a waiting job at once when the api says it is cancelled', async () => {
    const { jobs } = await storeWith({ [`DELETE /generations/${ID}`]: () => json(202, { id: ID, status: 'cancelled', cancelRequested: false }) });

    await jobs.cancel(ID);

    expect(jobs.byId[ID]?.state.status).toBe('cancelled');
  });

  it('waits for the backend to confirm a running job’s cancel', async () => {
    const { jobs } = await storeWith({ [`DELETE /generations/${ID}`]: () => json(202, { id: ID, status: 'running', cancelRequested: true }) });
    jobs.applyEvent('job.started', { jobId: ID, seq: 2 });

    await jobs.cancel(ID);
    expect(jobs.byId[ID]?.state.status).toBe('running');
    jobs.applyEvent('job.cancelled', { jobId: ID, seq: 3 });
    expect(jobs.byId[ID]?.state.status).toBe('cancelled');
  });

  it('adds the retried job, newest first', async () => {
    const retried = 'job-retry';
    const { jobs, api } = await storeWith({
      [`POST /generations/${ID}/retry`]: () => json(202, { jobs: [{ id: retried }] }),
      [`GET /generations/${retried}`]: () => json(200, jobDetail(retried, 'queued', { retryOf: ID, timings: { ...jobDetail(ID).timings, queuedAt: Date.UTC(2025, 5, 2) } })),
    });

    expect(await jobs.retry(ID, true)).toBe(retried);

    expect(jobs.jobs.map((job) => job.id)).toEqual([retried, ID]);
    expect(api.seen.find((seen) => seen.method === 'POST')?.body).toEqual({ newSeed: true });
  });
});
