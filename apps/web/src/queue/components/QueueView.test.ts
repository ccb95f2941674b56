import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { jobDetail, outputView } from '../../test/jobs';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

const RUNNING = 'job-run';
const DONE = 'job-done';

function queueRoutes(routes: Routes = {}): Routes {
  const done = jobDetail(DONE, 'completed', { outputCount: 1, timings: { queuedAt: 1000, dispatchedAt: 2000, startedAt: 3000, finishedAt: 9000, ingestedAt: 9500 } });
  return {
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [jobDetail(RUNNING, 'queued'), done], nextCursor: null }),
    ...routes,
  };
}

async function openQueue(routes: Routes = {}) {
  const api = fakeApi(queueRoutes(routes));
  const screen = await renderApp('/queue');
  await screen.findByRole('heading', { name: 'Waiting and running' });
  return { ...screen, api };
}

function section(screen: Awaited<ReturnType<typeof openQueue>>, name: string) {
  return within(screen.getByRole('region', { name }));
}

describe('J-7 the queue, live', () => {
  it('lists waiting jobs apart from ended ones, with the running-jobs indicator in the app bar', async () => {
    const screen = await openQueue();

    expect(section(screen, 'Waiting and running').getByText('Waiting · #1 in line')).toBeTruthy();
    expect(section(screen, 'Recently ended').getByText('Done')).toBeTruthy();
    expect(section(screen, 'Recently ended').getByText('0:06')).toBeTruthy();
    expect(screen.getByRole('link', { name: '1 job(s) waiting or running' })).toBeTruthy();
  });

  it('shows progress with the node’s name, the latest preview, then the output, as events arrive', async () => {
    const screen = await openQueue();

    screen.socket.emit('job.dispatched', { jobId: RUNNING, seq: 2, backend: 'gpu-1' });
    expect(await screen.findByText('Sent to backend · gpu-1')).toBeTruthy();
    screen.socket.emit('job.started', { jobId: RUNNING, seq: 3 });
    screen.socket.emit('job.progress', { jobId: RUNNING, seq: 4, value: 7, max: 20, node: { id: '5', title: 'KSampler' }, overall: 0.4 });
    screen.socket.emit('job.preview', { jobId: RUNNING, seq: 5, image: 'data:image/jpeg;base64,AAAA' });

    const progress = await screen.findByRole('progressbar', { name: 'Progress of Flux' });
    expect(progress.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('KSampler · step 7 of 20')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Latest preview of Flux' }).getAttribute('src')).toBe('data:image/jpeg;base64,AAAA');

    screen.socket.emit('job.output', { jobId: RUNNING, seq: 6, output: outputView('o1', RUNNING) });
    screen.socket.emit('job.completed', { jobId: RUNNING, seq: 7, outputs: [outputView('o1', RUNNING)] });

    expect(await screen.findByRole('img', { name: 'First output of Flux' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(section(screen, 'Waiting and running').getByText('Nothing is waiting or running.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /waiting or running/ })).toBeNull();
  });

  it('shows an ended job’s cover from the list, before its details are loaded', async () => {
    const { values: _v, randomize: _r, bypass: _b, resolvedValues: _rv, prompts: _p, outputs: _o, attempts: _a, ...summary } = jobDetail(DONE, 'completed', {
      outputCount: 2,
      cover: outputView('cover-1', DONE),
    });
    const screen = await openQueue({ 'GET /generations?limit=30': () => json(200, { items: [summary], nextCursor: null }) });
    const cover = await section(screen, 'Recently ended').findByRole('img', { name: 'First output of Flux' });
    expect(cover.getAttribute('src')).toBe(outputView('cover-1', DONE).urls.thumb256);
  });

  it('ignores events whose payload does not match the shared schema', async () => {
    const screen = await openQueue();

    screen.socket.emit('job.dispatched', { jobId: RUNNING, seq: 2, backend: 'gpu-1' });
    await screen.findByText('Sent to backend · gpu-1');
    // @ts-expect-error: a malformed payload, as a broken or hostile server might send
    screen.socket.emit('job.progress', { jobId: RUNNING, seq: 3, value: 'lots', max: 20, node: null, overall: 7 });
    screen.socket.emit('job.started', { jobId: RUNNING, seq: 3 });

    expect(await screen.findByText('Starting…')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
  });

  it('reads the list again when the socket (re)connects', async () => {
    const screen = await openQueue();
    const reads = () => screen.api.seen.filter((seen) => seen.path === '/generations?limit=30').length;
    const before = reads();

    screen.socket.setConnected(true);

    await screen.findByText('Waiting · #1 in line');
    expect(reads()).toBe(before + 1);
  });

  it('J-8 cancels a waiting job', async () => {
    const screen = await openQueue({ [`DELETE /generations/${RUNNING}`]: () => json(202, { id: RUNNING, status: 'cancelled', cancelRequested: false }) });

    await fireEvent.click(section(screen, 'Waiting and running').getByRole('button', { name: 'Cancel' }));

    expect(await section(screen, 'Recently ended').findByText('Cancelled')).toBeTruthy();
  });

  it('J-9 retries an ended job and opens the new one', async () => {
    const retried = 'job-again';
    const screen = await openQueue({
      [`POST /generations/${DONE}/retry`]: () => json(202, { jobs: [{ id: retried }] }),
      [`GET /generations/${retried}`]: () => json(200, jobDetail(retried, 'queued', { retryOf: DONE })),
    });

    await fireEvent.click(section(screen, 'Recently ended').getByRole('button', { name: 'Retry' }));

    await screen.findByRole('link', { name: '← Queue' }, { timeout: 5000 });
    expect(screen.router.currentRoute.value.fullPath).toBe(`/queue/${retried}`);
    expect(screen.api.seen.find((seen) => seen.path === `/generations/${DONE}/retry`)?.body).toEqual({ newSeed: false });
  });

  it('says so when there are no jobs yet', async () => {
    fakeApi({ ...signedInAs(memberView), 'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }) });
    const screen = await renderApp('/queue');

    expect(await screen.findByText('No jobs yet. Pick a workflow under Generate.')).toBeTruthy();
  });
});
