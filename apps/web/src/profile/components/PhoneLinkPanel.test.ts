import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { ServerUrls } from '@app/shared/contracts/api/server';
import { fakeClipboard } from '../../test/clipboard';
import { errorBody, fakeApi, json } from '../../test/fake-api';
import type { Handler } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

/** Profile opened at http://localhost:3000 (vitest's page), where the server has to name the LAN URLs. */
async function openPhonePanel(serverUrls: Handler) {
  const api = fakeApi({
    ...signedInAs(memberView),
    'GET /auth/sessions': () => json(200, { items: [] }),
    'GET /tokens': () => json(200, { items: [] }),
    'GET /server/urls': serverUrls,
  });
  const screen = await renderApp('/profile');
  const panel = within(await screen.findByRole('region', { name: 'Open on your phone' }));
  return { screen, panel, api };
}

const urls = (lan: string[]): Handler => () => json(200, { local: 'http://localhost:3000', lan } satisfies ServerUrls);

describe('X-8 Profile → Open on your phone, on the computer running the studio', () => {
  it('shows the LAN URL as a QR code and as text, and copies it', async () => {
    const writeText = fakeClipboard();
    const { screen, panel, api } = await openPhonePanel(urls(['http://192.168.1.10:3000']));

    const code = (await panel.findByRole('img', { name: 'QR code of http://192.168.1.10:3000' })) as HTMLImageElement;
    expect(code.src).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(panel.getByText('http://192.168.1.10:3000')).toBeTruthy();
    expect(api.seen.filter((seen) => seen.path === '/server/urls')).toHaveLength(1);

    await fireEvent.click(panel.getByRole('button', { name: 'Copy address' }));

    expect(writeText).toHaveBeenCalledWith('http://192.168.1.10:3000');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('lets the user pick among several addresses, and the code follows', async () => {
    const { panel } = await openPhonePanel(urls(['http://192.168.1.10:3000', 'http://10.0.0.5:3000']));
    const first = (await panel.findByRole('img', { name: 'QR code of http://192.168.1.10:3000' })) as HTMLImageElement;
    const firstImage = first.src;

    await fireEvent.update(panel.getByLabelText('Address'), 'http://10.0.0.5:3000');

    const second = (await panel.findByRole('img', { name: 'QR code of http://10.0.0.5:3000' })) as HTMLImageElement;
    expect(second.src).not.toBe(firstImage);
  });

  it('says how to get a LAN address when the server has none', async () => {
    const { panel } = await openPhonePanel(urls([]));

    expect(await panel.findByText(/Start it with HOST=0\.0\.0\.0/)).toBeTruthy();
    expect(panel.queryByRole('img')).toBeNull();
    expect(panel.queryByRole('button', { name: 'Copy address' })).toBeNull();
  });

  it('offers to try again when the addresses cannot be read', async () => {
    const { panel } = await openPhonePanel(() => errorBody(503, 'Service unavailable'));

    expect(await panel.findByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
