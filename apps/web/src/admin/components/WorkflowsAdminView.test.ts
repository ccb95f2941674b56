import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, json, noContent } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { descriptionOf, renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import stitchGraph from '../../test/stitch-workflow.json';
import { adminView } from '../../test/users';
import { stitchSchema, WORKFLOW_ID, workflowDetail } from '../../test/workflows';

const installed = workflowDetail(stitchSchema(), { name: 'Stitch' });

async function openAdmin(routes: Routes = {}) {
  const api = fakeApi({
    ...signedInAs(adminView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /workflows': () => json(200, { items: [installed] }),
    ...routes,
  });
  const screen = await renderApp('/admin/workflows');
  await screen.findByText('Stitch');
  return { ...screen, api };
}

const graphField = (screen: Awaited<ReturnType<typeof openAdmin>>) => screen.getByRole('textbox', { name: 'Workflow JSON' });

describe('W-1 importing a workflow', () => {
  it.each([
    ['broken JSON, with line and column', '{\n  "1": {', /Invalid JSON at line 2/],
    ['a UI-format export', JSON.stringify({ nodes: [], links: [] }), /Export \(API\)/],
    ['a link to a node that is not there', JSON.stringify({ '1': { class_type: 'SaveImage', inputs: { images: ['9', 0] } } }), /9/],
  ])('names the problem with %s as soon as it is pasted', async (_case, text, problem) => {
    const screen = await openAdmin();

    await fireEvent.update(graphField(screen), text);

    expect((await screen.findByRole('alert')).textContent).toMatch(problem);
    expect(screen.queryByRole('region', { name: 'Form preview' })).toBeNull();
  });

  it('previews the form a valid export makes, then imports it under the file’s name', async () => {
    const screen = await openAdmin({ 'POST /workflows': () => json(201, workflowDetail(stitchSchema(), { id: 'new-id', name: 'stitch-two' })) });

    const file = new File([JSON.stringify(stitchGraph)], 'stitch-two.json', { type: 'application/json' });
    await fireEvent.change(screen.getByLabelText('Choose a JSON file'), { target: { files: [file] } });

    const preview = within(await screen.findByRole('region', { name: 'Form preview' }));
    expect(preview.getByText('Image to image, 4 field(s). Choice lists fill in from the backends once imported.')).toBeTruthy();
    expect(preview.getByRole('group', { name: 'Left image' })).toBeTruthy();
    expect(preview.getByRole('switch', { name: 'Match size' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('stitch-two');

    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('Workflow stitch-two imported')).toBeTruthy();
    const sent = screen.api.seen.find((seen) => seen.method === 'POST' && seen.path === '/workflows')?.body;
    expect(sent).toEqual({ name: 'stitch-two', graph: JSON.stringify(stitchGraph) });
  });

  it('shows the api’s refusal on the field it names', async () => {
    const screen = await openAdmin({
      'POST /workflows': () => errorBody(409, 'A workflow with this name exists', [{ field: 'body.name', message: 'is already used by another workflow' }]),
    });

    await fireEvent.update(graphField(screen), JSON.stringify(stitchGraph));
    await fireEvent.update(screen.getByRole('textbox', { name: 'Name' }), 'Stitch');
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect((await screen.findByRole('alert')).textContent).toContain('A workflow with this name exists');
    expect(descriptionOf(screen.getByRole('textbox', { name: 'Name' }))).toBe('Is already used by another workflow');
  });

  it('deletes a workflow after confirming', async () => {
    const screen = await openAdmin({ [`DELETE /workflows/${WORKFLOW_ID}`]: () => noContent() });

    await fireEvent.click(screen.getByRole('button', { name: 'Delete Stitch' }));
    await fireEvent.click(within(await screen.findByRole('dialog', { name: 'Delete Stitch?' })).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Workflow Stitch deleted')).toBeTruthy();
    expect(screen.getByText('No workflows yet. An admin imports them under Admin → Workflows.')).toBeTruthy();
  });
});

describe('E-2 backends', () => {
  it('shows each backend’s health and the jobs on it', async () => {
    fakeApi({
      ...signedInAs(adminView),
      'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
      'GET /backends': () =>
        json(200, {
          queued: 3,
          items: [
            { id: 'b1', name: 'gpu-1', url: 'http://gpu-1:8188', enabled: true, slots: 2, state: 'up', comfyuiVersion: '0.8.0', lastError: null, lastSeenAt: 0, catalogueAt: 0, running: 1, waiting: 1 },
            { id: 'b2', name: 'gpu-2', url: 'http://gpu-2:8188', enabled: true, slots: 1, state: 'down', comfyuiVersion: null, lastError: 'connect ECONNREFUSED', lastSeenAt: null, catalogueAt: null, running: 0, waiting: 0 },
          ],
        }),
    });
    const screen = await renderApp('/admin/backends');

    expect(await screen.findByText('Jobs waiting for a backend: 3')).toBeTruthy();
    expect(screen.getByText('1 running, 1 waiting, 2 slot(s)')).toBeTruthy();
    expect(screen.getByText('Down')).toBeTruthy();
    expect(screen.getByText('connect ECONNREFUSED')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Admin' })).toBeTruthy();
  });
});
