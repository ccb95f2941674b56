import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { Upload } from '@app/shared/contracts/api/uploads';
import { fakeApi, json } from '../../test/fake-api';
import { jobDetail, outputListItem } from '../../test/jobs';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';
import { emptyMemory, stitchSchema, WORKFLOW_ID, workflowDetail } from '../../test/workflows';

function upload(id: string, label: string): Upload {
  return { id, label, mime: 'image/png', width: 64, height: 48, bytes: 100, createdAt: 0, urls: { file: `/api/media/upload/${id}/file?sig=t`, thumb: `/api/media/upload/${id}/thumb?sig=t` } };
}

describe('J-2 image fields', () => {
  it('uploads a file from the device or one of the user’s outputs, and submits the upload ids', async () => {
    const uploads = [upload('u-left', 'left.png'), upload('u-right', 'Flux-o7.png')];
    const api = fakeApi({
      ...signedInAs(memberView),
      'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
      [`GET /workflows/${WORKFLOW_ID}`]: () => json(200, workflowDetail(stitchSchema())),
      [`GET /workflows/${WORKFLOW_ID}/memory`]: () => json(200, emptyMemory()),
      'GET /uploads?limit=60': () => json(200, { items: [], nextCursor: null }),
      'GET /outputs?limit=60': () => json(200, { items: [outputListItem('o7', 'j7')], nextCursor: null }),
      'GET /media/output/o7/original?sig=test': () => new Response(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })),
      'POST /uploads': () => json(201, uploads.shift()),
      'POST /generations': () => json(202, { jobs: [{ id: 'j-new' }] }),
      'GET /generations/j-new': () => json(200, jobDetail('j-new')),
    });
    const screen = await renderApp(`/generate/${WORKFLOW_ID}`);
    await screen.findByRole('heading', { name: 'Flux', level: 1 });

    const left = within(screen.getByRole('group', { name: 'Left image' }));
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'left.png', { type: 'image/png' });
    await fireEvent.change(left.getByLabelText('Choose a file for Left image'), { target: { files: [file] } });
    expect(await left.findByRole('button', { name: 'View left.png full size' })).toBeTruthy();

    const right = within(screen.getByRole('group', { name: 'Right image' }));
    await fireEvent.click(right.getByRole('button', { name: 'Pick one of my images for Right image' }));
    const picker = within(await screen.findByRole('dialog', { name: 'Pick an image for Right image' }));
    await fireEvent.click(await picker.findByRole('button', { name: /Use the Flux output of .* for Right image/ }));
    expect(await right.findByRole('button', { name: 'View Flux-o7.png full size' })).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('link', { name: '← Queue' }, { timeout: 5000 });

    const sentFiles = api.seen.filter((seen) => seen.path === '/uploads').map((seen) => (seen.body instanceof FormData ? seen.body.get('file') : null));
    expect(sentFiles.map((sent) => (sent instanceof File ? sent.name : null))).toEqual(['left.png', 'Flux-o7.png']);
    expect(api.seen.find((seen) => seen.path === '/generations')?.body).toMatchObject({ values: { 'Left image': 'u-left', 'Right image': 'u-right' } });
  });
});
