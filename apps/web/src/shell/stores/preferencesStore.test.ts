import { fireEvent } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import type { Preferences } from '@app/shared/contracts/api/preferences';
import { errorBody, fakeApi, json, noContent } from '../../test/fake-api';
import type { Routes, SeenRequest } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs, signedOut, storedPreferences } from '../../test/sessions';
import { adminView, loginAnswer, memberView } from '../../test/users';

const profileRoutes: Routes = {
  'GET /auth/sessions': () => json(200, { items: [] }),
  'GET /tokens': () => json(200, { items: [] }),
};

function switchNamed(screen: Awaited<ReturnType<typeof renderApp>>): HTMLInputElement {
  return screen.getByRole('switch', { name: 'Insert tags with spaces instead of underscores' }) as HTMLInputElement;
}

async function openProfile(routes: Routes) {
  const api = fakeApi({ ...signedInAs(memberView), ...profileRoutes, ...routes });
  const screen = await renderApp('/profile');
  await screen.findByRole('heading', { name: 'Profile' });
  return { ...screen, api };
}

const patches = (seen: SeenRequest[]) => seen.filter((request) => request.method === 'PATCH' && request.path === '/auth/me/preferences').map((request) => request.body);

describe('U-8 preferences follow the user', () => {
  it('applies the account’s preferences after sign-in, over the theme cached in this browser', async () => {
    localStorage.setItem('cozy-studio.theme', 'dark');
    const screen = await openProfile(storedPreferences({ theme: 'light', tagSpaces: true }));

    await screen.findByDisplayValue('Light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(switchNamed(screen).checked).toBe(true);
    expect(localStorage.getItem('cozy-studio.theme')).toBe('light');
  });

  it('paints the sign-in page in the theme last shown in this browser', async () => {
    localStorage.setItem('cozy-studio.theme', 'light');
    fakeApi(signedOut());
    const screen = await renderApp('/login');

    await screen.findByLabelText('Email');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('saves each change to the account', async () => {
    const screen = await openProfile({ 'PATCH /auth/me/preferences': (request) => json(200, { theme: 'dark', tagSpaces: false, ...(request.body as Partial<Preferences>) }) });

    await fireEvent.update(screen.getByLabelText('Theme'), 'system');
    await fireEvent.click(switchNamed(screen));

    expect(patches(screen.api.seen)).toEqual([{ theme: 'system' }, { tagSpaces: true }]);
    expect(switchNamed(screen).checked).toBe(true);
  });

  it('puts a change back and says so when the server refuses it', async () => {
    const screen = await openProfile({ 'PATCH /auth/me/preferences': () => errorBody(400, 'Validation failed', [{ field: 'body.theme', message: 'Invalid option' }]) });

    await fireEvent.update(screen.getByLabelText('Theme'), 'light');
    expect(document.documentElement.dataset.theme).toBe('light');

    expect(await screen.findByText('Validation failed')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('dark');
    expect(localStorage.getItem('cozy-studio.theme')).toBe('dark');

    await fireEvent.click(switchNamed(screen));
    await screen.findAllByText('Validation failed');
    await vi.waitFor(() => expect(switchNamed(screen).checked).toBe(false));
  });

  it('gives the next person signing in on this browser their own preferences, not the previous user’s', async () => {
    const byToken: Record<string, Preferences> = { 'Bearer access-1': { theme: 'light', tagSpaces: true }, 'Bearer access-2': { theme: 'dark', tagSpaces: false } };
    const screen = await openProfile({
      'GET /auth/me/preferences': (request) => json(200, byToken[request.headers.get('Authorization') ?? '']),
      'POST /auth/logout': () => noContent(),
      'POST /auth/login': () => json(200, loginAnswer(adminView, 'access-2')),
    });
    await screen.findByDisplayValue('Light');
    expect(switchNamed(screen).checked).toBe(true);

    await fireEvent.click(screen.getAllByRole('button', { name: 'Log out' })[0]!);
    const signIn = await screen.findByRole('button', { name: 'Sign in' });
    await fireEvent.update(screen.getByLabelText('Email'), 'ada@example.com');
    await fireEvent.update(screen.getByLabelText('Password'), 'correct horse battery');
    await fireEvent.click(signIn);
    await screen.router.push('/profile');

    await screen.findByDisplayValue('Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(switchNamed(screen).checked).toBe(false);
  });
});
