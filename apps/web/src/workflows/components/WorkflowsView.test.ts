import { fireEvent } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '@app/shared/contracts/api/workflows';
import { fakeApi, json } from '../../test/fake-api';
import { outputListItem } from '../../test/jobs';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

const summary = (id: string, name: string, type: WorkflowSummary['type'], description: string): WorkflowSummary => ({
  id,
  name,
  type,
  description,
  source: 'cozygen',
  version: 1,
  updatedAt: 0,
});

const items = [
  summary('w1', 'Text to image', 'text-to-image', 'Checkpoint, prompts and seed'),
  summary('w2', 'Invert an image', 'image-to-image', 'Upload a picture and get its negative'),
  summary('w3', 'Solid colour', 'text-to-image', 'A batch of solid images'),
];

async function openList() {
  fakeApi({
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /workflows': () => json(200, { items }),
    'GET /outputs?limit=100': () => json(200, { items: [outputListItem('o1', 'j1', { workflowId: 'w1', workflowName: 'Text to image' })], nextCursor: null }),
  });
  const screen = await renderApp('/generate');
  await screen.findByRole('link', { name: 'Text to image' });
  return screen;
}

/** The workflow cards' names, in order (each card is a link named by its workflow). */
function cards(screen: Awaited<ReturnType<typeof openList>>): string[] {
  return screen
    .getAllByRole('link')
    .filter((link) => link.getAttribute('href')?.startsWith('/generate/'))
    .map((link) => document.getElementById(link.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
}

describe('W-4 the workflow cards', () => {
  it('shows each workflow with its type, description and the latest output as its cover', async () => {
    const screen = await openList();

    expect(cards(screen)).toEqual(['Text to image', 'Invert an image', 'Solid colour']);
    expect(screen.getByRole('img', { name: 'Latest output of Text to image' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Invert an image' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Upload a picture and get its negative')).toBeTruthy();
  });

  it('searches name and description, and filters by type', async () => {
    const screen = await openList();

    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search workflows' }), 'SOLID images');
    expect(cards(screen)).toEqual(['Solid colour']);

    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search workflows' }), '');
    await fireEvent.update(screen.getByRole('combobox', { name: 'Type' }), 'text-to-image');
    expect(cards(screen)).toEqual(['Text to image', 'Solid colour']);

    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search workflows' }), 'negative');
    expect(screen.getByText('No workflow matches the search.')).toBeTruthy();
    expect(cards(screen)).toEqual([]);
  });
});
