// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://192.168.1.20:3000/"}
import { within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

describe('X-8 Profile → Open on your phone, on a page opened at a LAN address', () => {
  it('shows this page\'s own address without asking the server', async () => {
    const api = fakeApi({
      ...signedInAs(memberView),
      'GET /auth/sessions': () => json(200, { items: [] }),
      'GET /tokens': () => json(200, { items: [] }),
    });
    const screen = await renderApp('/profile');
    const panel = within(await screen.findByRole('region', { name: 'Open on your phone' }));

    expect(await panel.findByRole('img', { name: 'QR code of http://192.168.1.20:3000' })).toBeTruthy();
    expect(panel.getByText('http://192.168.1.20:3000')).toBeTruthy();
    expect(api.seen.some((seen) => seen.path === '/server/urls')).toBe(false);
  });
});
