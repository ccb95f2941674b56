import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { selectionCopy } from '../../test/clipboard';
import { fakeApi, json } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

const SECRET = 'cgt_0123456789abcdef0123456789abcdef0123456789ab';

/** Profile → New token → the secret, on a page without the clipboard API (http://<lan-ip>). */
async function newTokenSecret() {
  fakeApi({
    ...signedInAs(memberView),
    'GET /auth/sessions': () => json(200, { items: [] }),
    'GET /tokens': () => json(200, { items: [] }),
    'GET /server/urls': () => json(200, { local: 'http://localhost:3000', lan: [] }),
    'POST /tokens': () => json(201, { id: 't-2', name: 'phone shortcut', scopes: ['read'], createdAt: Date.now(), lastUsedAt: null, expiresAt: null, secret: SECRET }),
  });
  const screen = await renderApp('/profile');
  await fireEvent.click(await screen.findByRole('button', { name: 'New token' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'New token' }));
  await fireEvent.update(dialog.getByLabelText('Name'), 'phone shortcut');
  await fireEvent.click(dialog.getByRole('button', { name: 'Create token' }));
  const secretBox = within(await screen.findByRole('region', { name: 'Copy your new token now' }));
  return { screen, copy: secretBox.getByRole('button', { name: 'Copy' }) };
}

describe('X-8 copying where the clipboard API is missing (plain HTTP on the LAN)', () => {
  it('copies through the selection path and says so', async () => {
    const copied = selectionCopy(true);
    const { screen, copy } = await newTokenSecret();

    copy.focus();
    await fireEvent.click(copy);

    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(copied).toEqual([SECRET]);
    expect(screen.queryByRole('dialog', { name: 'Copy it yourself' })).toBeNull();
    // The hidden text area took focus to copy; it goes back to the button pressed.
    expect(document.activeElement).toBe(copy);
  });

  it('when the browser refuses, shows the text selected for copying by hand', async () => {
    const copied = selectionCopy(false);
    const { screen, copy } = await newTokenSecret();

    await fireEvent.click(copy);

    const dialog = within(await screen.findByRole('dialog', { name: 'Copy it yourself' }));
    const text = dialog.getByLabelText('Text to copy') as HTMLTextAreaElement;
    expect(text.value).toBe(SECRET);
    await expect.poll(() => document.activeElement).toBe(text);
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, SECRET.length]);
    expect(copied).toEqual([]);
    expect(screen.queryByText('Copied')).toBeNull();

    await fireEvent.click(dialog.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Copy it yourself' })).toBeNull();
  });
});
