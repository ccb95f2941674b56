import { fireEvent, waitFor, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { OutputListItem } from '@app/shared/contracts/api/generations';
import { fakeApi, json, noContent } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { jobDetail, outputListItem } from '../../test/jobs';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';
import { fluxSchema, WORKFLOW_ID, workflowDetail } from '../../test/workflows';

const OTHER_WORKFLOW = '0193a000-0000-7000-8000-0000000000w2';

function outputs(from: number, count: number): OutputListItem[] {
  return Array.from({ length: count }, (_, offset) => outputListItem(`o${from + offset}`, `j${from + offset}`, { createdAt: 1_000_000 - (from + offset) }));
}

function galleryRoutes(routes: Routes = {}): Routes {
  return {
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /workflows': () => json(200, { items: [workflowDetail(fluxSchema()), { ...workflowDetail(fluxSchema()), id: OTHER_WORKFLOW, name: 'Other' }] }),
    'GET /outputs?limit=60': () => json(200, { items: outputs(0, 60), nextCursor: 'page-2' }),
    'GET /outputs?limit=60&cursor=page-2': () => json(200, { items: outputs(60, 10), nextCursor: null }),
    ...routes,
  };
}

async function openGallery(routes: Routes = {}) {
  const api = fakeApi(galleryRoutes(routes));
  const screen = await renderApp('/gallery');
  await screen.findAllByRole('button', { name: /Open the Flux output/ });
  return { ...screen, api };
}

const tiles = (screen: Awaited<ReturnType<typeof openGallery>>) => screen.queryAllByRole('button', { name: /Open the Flux output/ });

describe('G-2 / G-6 the gallery pages through the outputs', () => {
  it('loads the next page when the end of the grid comes into view, and stops at the last', async () => {
    const screen = await openGallery();

    await waitFor(() => expect(tiles(screen)).toHaveLength(70));
    expect(screen.api.seen.filter((seen) => seen.path.startsWith('/outputs?'))).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters by workflow and keeps the filter in the address', async () => {
    const screen = await openGallery({ [`GET /outputs?limit=60&workflowId=${OTHER_WORKFLOW}`]: () => json(200, { items: [], nextCursor: null }) });

    await fireEvent.update(screen.getByRole('combobox', { name: 'Workflow' }), OTHER_WORKFLOW);

    expect(await screen.findByText('No outputs yet. Everything you generate shows up here.')).toBeTruthy();
    await waitFor(() => expect(screen.router.currentRoute.value.query.workflow).toBe(OTHER_WORKFLOW));
  });

  it('counts outputs that arrive meanwhile without moving the page, and puts them on top on request', async () => {
    const screen = await openGallery({
      'GET /generations?limit=30': () => json(200, { items: [jobDetail('live', 'running')], nextCursor: null }),
      'GET /outputs?limit=60': () => json(200, { items: outputs(0, 3), nextCursor: null }),
    });
    await screen.findByRole('link', { name: '1 job(s) waiting or running' });

    screen.socket.emit('job.output', { jobId: 'live', seq: 2, output: outputListItem('new', 'live', { createdAt: 2_000_000 }) });

    await fireEvent.click(await screen.findByRole('button', { name: 'Show 1 new' }));
    expect(tiles(screen)).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /Show \d+ new/ })).toBeNull();
  });

  it('J-6 after a reconnect counts the outputs saved while the socket was down as new', async () => {
    let newest = outputs(0, 3);
    const screen = await openGallery({ 'GET /outputs?limit=60': () => json(200, { items: newest, nextCursor: null }) });
    await waitFor(() => expect(tiles(screen)).toHaveLength(3));

    screen.socket.setConnected(false);
    newest = [outputListItem('missed', 'offline', { createdAt: 2_000_000 }), ...outputs(0, 3)];
    screen.socket.setConnected(true);

    await fireEvent.click(await screen.findByRole('button', { name: 'Show 1 new' }));
    expect(tiles(screen)).toHaveLength(4);
  });
});

describe('G-6 / G-7 the viewer', () => {
  it('opens full screen, moves with the arrow keys, and shows the lineage', async () => {
    const job = jobDetail('j1', 'completed', {
      seed: 31337,
      prompts: [{ field: 'Prompt', raw: 'a $hat$ fox', expanded: 'a red felt hat fox', trace: [] }],
      values: { Prompt: 'a $hat$ fox' },
      randomize: ['Seed'],
      resolvedValues: { Prompt: 'a $hat$ fox', Seed: 31337, Steps: 20 },
    });
    const screen = await openGallery({ 'GET /outputs/o1': () => json(200, { output: outputs(1, 1)[0], job }) });

    await fireEvent.click(tiles(screen)[0]!);
    const viewer = await screen.findByRole('dialog', { name: 'Output 1 of 60' });
    await fireEvent.keyDown(viewer, { key: 'ArrowRight' });
    expect(screen.getByRole('dialog', { name: 'Output 2 of 60' })).toBeTruthy();
    await fireEvent.click(within(viewer).getByRole('button', { name: 'Details' }));

    const details = within(await screen.findByRole('complementary', { name: 'Details' }));
    expect(await details.findByText('a red felt hat fox')).toBeTruthy();
    expect(details.getByText('a $hat$ fox', { selector: 'p' })).toBeTruthy();
    expect(details.getAllByText('31337').length).toBeGreaterThan(0);
    expect(details.getByText('randomized')).toBeTruthy();
    expect(within(viewer).getByRole('link', { name: 'Download' }).getAttribute('href')).toBe('/api/media/output/o1/download?sig=test');
  });

  it('G-9 deletes an output only after confirming', async () => {
    const screen = await openGallery({ 'DELETE /outputs/o0': () => noContent() });

    await fireEvent.click(tiles(screen)[0]!);
    const viewer = await screen.findByRole('dialog', { name: /Output 1 of/ });
    await fireEvent.click(within(viewer).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this output?' });
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await screen.findByRole('dialog', { name: /Output 1 of 69/ });
    expect(screen.api.seen.filter((seen) => seen.method === 'DELETE').map((seen) => seen.path)).toEqual(['/outputs/o0']);
  });

  it('G-8 remix opens the form of the output’s workflow with its job', async () => {
    const screen = await openGallery({
      [`GET /workflows/${WORKFLOW_ID}`]: () => json(200, workflowDetail(fluxSchema())),
      'GET /generations/j0': () => json(200, jobDetail('j0', 'completed', { values: { Prompt: 'again' } })),
      'GET /aliases?limit=1000': () => json(200, { items: [], total: 0, nextCursor: null }),
    });

    await fireEvent.click(tiles(screen)[0]!);
    await fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remix' }));

    // The form's route chunk loads on first use, which can take a moment in a cold test run.
    expect(await screen.findByRole('textbox', { name: 'Prompt' }, { timeout: 5000 })).toHaveProperty('value', 'again');
    expect(screen.router.currentRoute.value.fullPath).toBe(`/generate/${WORKFLOW_ID}?remix=j0`);
  });
});
