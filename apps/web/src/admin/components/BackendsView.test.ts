import { fireEvent } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { BackendView } from '@app/shared/contracts/api/backends';
import { formatDateTime } from '../../i18n/format';
import { errorBody, fakeApi, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { adminView } from '../../test/users';

const ID = '0193f1c2-0000-7000-8000-00000000beef';
const backend: BackendView = {
  id: ID,
  name: 'gpu-box:8188',
  url: 'http://gpu-box:8188',
  enabled: true,
  slots: 2,
  state: 'up',
  comfyuiVersion: '0.8.0',
  lastError: null,
  lastSeenAt: Date.UTC(2026, 0, 2, 9, 0),
  catalogueAt: Date.UTC(2026, 0, 2, 8, 0),
  running: 0,
  waiting: 0,
};

async function openBackends(routes: Routes = {}, items: BackendView[] = [backend]) {
  const api = fakeApi({ ...signedInAs(adminView), 'GET /backends': () => json(200, { items, queued: 0 }), ...routes });
  const screen = await renderApp('/admin/backends');
  await screen.findByText(backend.url);
  return { ...screen, api };
}

describe('W-14 an admin refreshes a backend’s lists now', () => {
  it('asks for them, shows when they were read and says it is done', async () => {
    const readNow = Date.UTC(2026, 0, 2, 9, 30);
    const screen = await openBackends({ [`POST /backends/${ID}/refresh`]: () => json(200, { refreshed: true, backend: { ...backend, catalogueAt: readNow } }) });
    expect(screen.getByText(`Lists read ${formatDateTime(backend.catalogueAt!)}`)).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Refresh the lists of gpu-box:8188' }));

    expect(await screen.findByText('Lists of gpu-box:8188 read again')).toBeTruthy();
    expect(screen.getByText(`Lists read ${formatDateTime(readNow)}`)).toBeTruthy();
    expect(screen.api.seen.filter((seen) => seen.method === 'POST' && seen.path.startsWith('/backends')).map((seen) => seen.path)).toEqual([`/backends/${ID}/refresh`]);
  });

  it('says when no worker got to it yet', async () => {
    const screen = await openBackends({ [`POST /backends/${ID}/refresh`]: () => json(200, { refreshed: false, backend }) });
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh the lists of gpu-box:8188' }));
    expect(await screen.findByText('Asked for the lists of gpu-box:8188; they change as soon as a worker has read them')).toBeTruthy();
  });

  it('shows a refusal beside the backend, and offers nothing for a backend that is down', async () => {
    const down: BackendView = { ...backend, id: '0193f1c2-0000-7000-8000-00000000dead', name: 'old-box:8188', url: 'http://old-box:8188', state: 'down' };
    const screen = await openBackends({ [`POST /backends/${ID}/refresh`]: () => errorBody(409, 'The backend is down; its catalogue is read again as soon as it is up') }, [backend, down]);
    expect((screen.getByRole('button', { name: 'Refresh the lists of old-box:8188' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh the lists of gpu-box:8188' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The backend is down');
  });
});
