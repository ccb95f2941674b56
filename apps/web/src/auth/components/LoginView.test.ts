import { fireEvent } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '@app/shared/contracts/api/preferences';
import { errorBody, fakeApi, json } from '../../test/fake-api';
import { descriptionOf, renderApp } from '../../test/render-app';
import { signedOut, storedPreferences } from '../../test/sessions';
import { loginAnswer, memberView } from '../../test/users';

async function fillIn(screen: Awaited<ReturnType<typeof renderApp>>, email: string, password: string): Promise<void> {
  await fireEvent.update(await screen.findByLabelText('Email'), email);
  await fireEvent.update(screen.getByLabelText('Password'), password);
  await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login form', () => {
  it('marks empty fields without asking the server', async () => {
    const api = fakeApi(signedOut());
    const screen = await renderApp('/login');

    await fillIn(screen, '', '');
    expect(descriptionOf(screen.getByLabelText('Email'))).toBe('Required');
    expect(descriptionOf(screen.getByLabelText('Password'))).toBe('Required');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');

    await fillIn(screen, '   ', 'secret');
    expect(descriptionOf(screen.getByLabelText('Email'))).toBe('Required');
    expect(descriptionOf(screen.getByLabelText('Password'))).toBe('');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();
    expect(api.seen.map((seen) => seen.path)).toEqual(['/auth/refresh']);
  });

  it('S-16 says the same thing for any refused sign-in, never whether the account exists', async () => {
    fakeApi({ ...signedOut(), 'POST /auth/login': () => errorBody(401, 'No account for nobody@example.com') });
    const screen = await renderApp('/login');

    await fillIn(screen, 'nobody@example.com', 'whatever');

    expect((await screen.findByRole('alert')).textContent).toContain('Invalid email or password');
    expect(screen.queryByText(/No account/)).toBeNull();
  });

  it('S-17 shows when to try again after too many attempts', async () => {
    fakeApi({
      ...signedOut(),
      'POST /auth/login': () => json(429, { statusCode: 429, message: 'Too many failed logins' }, { 'Retry-After': '840' }),
    });
    const screen = await renderApp('/login');

    await fillIn(screen, 'max@example.com', 'guess');

    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts. Try again in 14 min.');
  });

  it('puts server field errors on their fields', async () => {
    fakeApi({
      ...signedOut(),
      'POST /auth/login': () => errorBody(400, 'Validation failed', [{ field: 'body.password', message: 'must be at most 256 characters' }]),
    });
    const screen = await renderApp('/login');

    await fillIn(screen, 'max@example.com', 'x');

    await screen.findByRole('alert');
    expect(descriptionOf(screen.getByLabelText('Password'))).toBe('Must be at most 256 characters');
  });

  it('signs in and continues to the page that asked for it', async () => {
    const api = fakeApi({ ...signedOut(), ...storedPreferences(DEFAULT_PREFERENCES), 'POST /auth/login': () => json(200, loginAnswer(memberView)) });
    const screen = await renderApp('/login?next=/gallery');

    await fillIn(screen, ' Max@Example.com ', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Gallery' })).toBeTruthy();
    expect(api.seen.findLast((seen) => seen.path === '/auth/login')?.body).toEqual({ email: 'max@example.com', password: 'correct horse battery' });
  });

  it('sends a user whose password was set by an admin to change it first', async () => {
    fakeApi({ ...signedOut(), ...storedPreferences(DEFAULT_PREFERENCES), 'POST /auth/login': () => json(200, loginAnswer({ ...memberView, mustChangePassword: true })) });
    const screen = await renderApp('/login?next=/gallery');

    await fillIn(screen, 'max@example.com', 'given by admin');

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
    expect(screen.router.currentRoute.value.query.next).toBe('/gallery');
  });
});
