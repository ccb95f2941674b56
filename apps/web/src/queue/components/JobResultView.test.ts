import { fireEvent, waitFor, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { jobDetail, outputView } from '../../test/jobs';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';
import { WORKFLOW_ID } from '../../test/workflows';

const ID = 'job-1';

async function openResult(status: 'running' | 'failed' = 'running', error: { kind: 'validation'; message: string; fields: { field: string; message: string }[] } | null = null) {
  fakeApi({
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    [`GET /generations/${ID}`]: () => json(200, jobDetail(ID, status, { error, timings: { queuedAt: 0, dispatchedAt: 1, startedAt: 2, finishedAt: null, ingestedAt: null } })),
  });
  const screen = await renderApp(`/queue/${ID}`);
  await screen.findByRole('heading', { name: 'Flux', level: 1 });
  return screen;
}

describe('J-13 the result of a job', () => {
  it('shows the outputs as they arrive and opens them full screen, swiping between them', async () => {
    const screen = await openResult();
    expect(screen.getByText('Outputs appear here as they are saved.')).toBeTruthy();

    screen.socket.emit('job.preview', { jobId: ID, seq: 1, image: 'data:image/jpeg;base64,BBBB' });
    expect(await screen.findByRole('img', { name: 'Latest preview of Flux' })).toBeTruthy();
    screen.socket.emit('job.output', { jobId: ID, seq: 2, output: outputView('o1', ID) });
    expect(await screen.findByRole('button', { name: 'Open output 1' })).toBeTruthy();
    screen.socket.emit('job.output', { jobId: ID, seq: 3, output: outputView('o2', ID, { kind: 'video', mime: 'video/webm' }) });
    screen.socket.emit('job.completed', { jobId: ID, seq: 4, outputs: [outputView('o1', ID), outputView('o2', ID, { kind: 'video', mime: 'video/webm' })] });
    expect(await screen.findByText('Done')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Open output 1' }));
    const viewer = await screen.findByRole('dialog', { name: 'Output 1 of 2' });
    const stage = viewer.querySelector('img')?.parentElement;
    if (!stage) throw new Error('no stage');
    await fireEvent.pointerDown(stage, { clientX: 300, clientY: 200 });
    await fireEvent.pointerUp(stage, { clientX: 120, clientY: 210 });

    expect(screen.getByRole('dialog', { name: 'Output 2 of 2' })).toBeTruthy();
    expect(within(viewer).getByLabelText('Video output').tagName).toBe('VIDEO');
    await fireEvent.keyDown(viewer, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('J-6 after a reconnect shows what happened while the socket was down: done, every output, nothing running', async () => {
    let answer = jobDetail(ID, 'running', { seq: 3 });
    fakeApi({
      ...signedInAs(memberView),
      'GET /generations?limit=30': () => json(200, { items: [answer], nextCursor: null }),
      [`GET /generations/${ID}`]: () => json(200, answer),
    });
    const screen = await renderApp(`/queue/${ID}`);
    await screen.findByRole('link', { name: '1 job(s) waiting or running' });

    screen.socket.setConnected(false);
    const outputs = [outputView('o1', ID), outputView('o2', ID)];
    answer = jobDetail(ID, 'completed', { seq: 6, outputs, outputCount: 2, cover: outputs[0] ?? null });
    screen.socket.setConnected(true);

    expect(await screen.findByText('Done')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Open output 2' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: /job\(s\) waiting or running/ })).toBeNull());
  });

  it('offers remix with this job’s values', async () => {
    const screen = await openResult();

    expect(screen.getByRole('link', { name: 'Remix' }).getAttribute('href')).toBe(`/generate/${WORKFLOW_ID}?remix=${ID}`);
  });

  it('J-10 shows why it failed, per field', async () => {
    const screen = await openResult('failed', { kind: 'validation', message: 'ComfyUI refused the workflow', fields: [{ field: 'Steps', message: 'must be at most 100' }] });

    expect(screen.getByText('ComfyUI refused the workflow')).toBeTruthy();
    expect(screen.getByText('Steps: must be at most 100')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry with new seed' })).toBeTruthy();
  });
});
