import { fireEvent, waitFor, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { Session } from '@app/shared/contracts/api/auth';
import { DEFAULT_PREFERENCES } from '@app/shared/contracts/api/preferences';
import type { Preferences } from '@app/shared/contracts/api/preferences';
import type { ApiToken } from '@app/shared/contracts/api/tokens';
import { fakeApi, inTurn, json, noContent } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { descriptionOf, renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

const thisPhone: Session = {
  id: 's-1',
  userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  ip: '192.168.1.20',
  createdAt: Date.UTC(2025, 4, 1),
  lastSeenAt: Date.UTC(2025, 4, 2),
  current: true,
};
const laptop: Session = { ...thisPhone, id: 's-2', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', current: false };
const scriptToken: ApiToken = {
  id: 't-1',
  name: 'backup script',
  scopes: ['read'],
  createdAt: Date.UTC(2025, 3, 1),
  lastUsedAt: null,
  expiresAt: null,
};
const SECRET = 'cgt_0123456789abcdef0123456789abcdef0123456789ab';

async function openProfile(routes: Routes = {}) {
  const api = fakeApi({
    ...signedInAs(memberView),
    'GET /auth/sessions': () => json(200, { items: [thisPhone, laptop] }),
    'GET /tokens': () => json(200, { items: [scriptToken] }),
    'GET /server/urls': () => json(200, { local: 'http://localhost:3000', lan: ['http://192.168.1.10:3000'] }),
    ...routes,
  });
  const screen = await renderApp('/profile');
  await screen.findByText('backup script');
  return { ...screen, api };
}

describe('U-7 API tokens', () => {
  it('shows a new token\'s secret once, with a copy button, and never again', async () => {
    const screen = await openProfile({
      'POST /tokens': () =>
        json(201, { id: 't-2', name: 'phone shortcut', scopes: ['read', 'generate'], createdAt: Date.now(), lastUsedAt: null, expiresAt: null, secret: SECRET }),
    });

    await fireEvent.click(screen.getByRole('button', { name: 'New token' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New token' }));
    expect(dialog.queryByLabelText('Administer (admins only)')).toBeNull();
    await fireEvent.update(dialog.getByLabelText('Name'), 'phone shortcut');
    await fireEvent.click(dialog.getByRole('button', { name: 'Create token' }));

    const secretBox = within(await screen.findByRole('region', { name: 'Copy your new token now' }));
    expect((secretBox.getByLabelText('Token secret') as HTMLInputElement).value).toBe(SECRET);
    expect(secretBox.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByText('phone shortcut')).toBeTruthy();
    expect(screen.api.seen.at(-1)?.body).toEqual({ name: 'phone shortcut', scopes: ['read', 'generate'] });

    await fireEvent.click(secretBox.getByRole('button', { name: 'I have stored it' }));

    expect(screen.queryByRole('region', { name: 'Copy your new token now' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(screen.getByText('phone shortcut')).toBeTruthy();
  });

  it('requires a name and at least one scope, and an expiry in the future', async () => {
    const screen = await openProfile();

    await fireEvent.click(screen.getByRole('button', { name: 'New token' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New token' }));
    await fireEvent.click(dialog.getByLabelText('Read your data'));
    await fireEvent.click(dialog.getByLabelText('Submit, cancel and retry jobs'));
    await fireEvent.update(dialog.getByLabelText('Expires on (optional)'), '2001-01-01');
    await fireEvent.click(dialog.getByRole('button', { name: 'Create token' }));

    expect(descriptionOf(dialog.getByLabelText('Name'))).toBe('Required');
    expect(dialog.getByText('Pick at least one')).toBeTruthy();

    await fireEvent.update(dialog.getByLabelText('Name'), 'old');
    await fireEvent.click(dialog.getByLabelText('Read your data'));
    await fireEvent.click(dialog.getByRole('button', { name: 'Create token' }));
    expect(descriptionOf(dialog.getByLabelText('Expires on (optional)'))).toBe('Must be in the future');
    expect(screen.api.seen.some((seen) => seen.method === 'POST' && seen.path === '/tokens')).toBe(false);
  });

  it('revokes a token after confirmation', async () => {
    const screen = await openProfile({ 'DELETE /tokens/t-1': () => noContent() });

    await fireEvent.click(screen.getByRole('button', { name: 'Revoke backup script' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Revoke token?' }));
    expect(dialog.getByText('Scripts using “backup script” stop working at once.')).toBeTruthy();
    await fireEvent.click(dialog.getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText('No tokens yet.')).toBeTruthy();
  });
});

describe('U-7 sessions', () => {
  it('marks this device and signs another one out', async () => {
    const screen = await openProfile({ 'DELETE /auth/sessions/s-2': () => noContent() });

    expect(screen.getByText('This device')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out Chrome on Android' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Sign out Firefox on Linux' }));

    expect(await screen.findByText('Device signed out')).toBeTruthy();
    expect(screen.queryByText('Firefox on Linux')).toBeNull();
    expect(screen.getByText(/Chrome on Android/)).toBeTruthy();
  });
});

describe('U-7 password change', () => {
  it('says it revokes API tokens, and afterwards lists only this device and no tokens', async () => {
    const screen = await openProfile({
      'POST /auth/password': () => noContent(),
      'GET /auth/sessions': inTurn(
        () => json(200, { items: [thisPhone, laptop] }),
        () => json(200, { items: [thisPhone] }),
      ),
      'GET /tokens': inTurn(
        () => json(200, { items: [scriptToken] }),
        () => json(200, { items: [] }),
      ),
    });
    expect(screen.getByText('Changing it signs out your other sessions and revokes your API tokens.')).toBeTruthy();

    await fireEvent.update(screen.getByLabelText('Current password'), 'the old password');
    await fireEvent.update(screen.getByLabelText('New password'), 'a long new secret');
    await fireEvent.update(screen.getByLabelText('Repeat new password'), 'a long new secret');
    await fireEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Password changed. Your other sessions were signed out and your API tokens revoked.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('backup script')).toBeNull());
    expect(screen.queryByText(/Firefox on Linux/)).toBeNull();
  });
});

describe('U-9 display name', () => {
  it('saves the display name', async () => {
    const screen = await openProfile({ 'PATCH /auth/me': () => json(200, { ...memberView, displayName: 'Maximilian' }) });

    await fireEvent.update(screen.getByLabelText('Display name'), '  Maximilian ');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Display name saved')).toBeTruthy();
    expect(screen.api.seen.at(-1)?.body).toEqual({ displayName: 'Maximilian' });
  });
});

/** The account's preferences after a change (U-8); the server merges the change into the defaults here. */
const savePreferences: Routes = {
  'PATCH /auth/me/preferences': (request) => json(200, { ...DEFAULT_PREFERENCES, ...(request.body as Partial<Preferences>) }),
};

describe('theme preference', () => {
  it('is dark by default, switches the document to light and saves it to the account', async () => {
    const screen = await openProfile(savePreferences);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(descriptionOf(screen.getByLabelText('Theme'))).toBe('Saved to your account.');

    await fireEvent.update(screen.getByLabelText('Theme'), 'light');

    expect(document.documentElement.dataset.theme).toBe('light');
    expect(screen.api.seen.at(-1)).toMatchObject({ method: 'PATCH', path: '/auth/me/preferences', body: { theme: 'light' } });
  });
});

describe('U-8 / T-6 tags with spaces', () => {
  it('is off by default and saved to the account when switched on', async () => {
    const screen = await openProfile(savePreferences);
    const toggle = screen.getByRole('switch', { name: 'Insert tags with spaces instead of underscores' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(descriptionOf(toggle)).toContain('Saved to your account.');

    await fireEvent.click(toggle);

    expect(toggle.checked).toBe(true);
    expect(screen.api.seen.at(-1)).toMatchObject({ method: 'PATCH', path: '/auth/me/preferences', body: { tagSpaces: true } });
  });
});
