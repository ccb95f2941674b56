import { describe, expect, it } from 'vitest';
import { fakeApi, json } from './test/fake-api';
import { renderApp } from './test/render-app';
import { signedInAs, signedOut } from './test/sessions';
import { adminView, fullUser, memberView } from './test/users';
import { safeNext } from './router';

describe('S-1 nothing but sign-in without a session', () => {
  it.each(['/generate', '/admin/users', '/profile', '/no/such/page'])('%s sends a signed-out visitor to sign in, then back', async (path) => {
    fakeApi(signedOut());
    const { router, findByRole } = await renderApp(path);

    expect(await findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBe(path);
  });
});

describe('U-3 admin pages are for admins', () => {
  it('shows a member "not found" at an admin URL, keeping the URL', async () => {
    fakeApi(signedInAs(memberView));
    const { router, findByRole, queryByRole } = await renderApp('/admin/users');

    expect(await findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(router.currentRoute.value.path).toBe('/admin/users');
    expect(queryByRole('heading', { name: 'Users' })).toBeNull();
  });

  it('lets an admin in', async () => {
    fakeApi({ ...signedInAs(adminView), 'GET /users': () => json(200, { items: [fullUser(adminView)] }) });
    const { findByRole } = await renderApp('/admin/users');
    expect(await findByRole('heading', { name: 'Users', level: 1 })).toBeTruthy();
  });
});

describe('U-2 a password set by someone else is changed first', () => {
  it('holds every page behind the change-password screen', async () => {
    fakeApi(signedInAs({ ...memberView, mustChangePassword: true }));
    const { router, findByRole } = await renderApp('/gallery');

    expect(await findByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
    expect(router.currentRoute.value.query.next).toBe('/gallery');
    await router.push('/profile');
    expect(router.currentRoute.value.name).toBe('change-password');
  });

  it('does not show the change-password screen to someone who has nothing to change', async () => {
    fakeApi(signedInAs(memberView));
    const { router, findByRole } = await renderApp('/change-password?next=/queue');
    expect(await findByRole('heading', { name: 'Queue' })).toBeTruthy();
    expect(router.currentRoute.value.name).toBe('queue');
  });
});

describe('signed-in visitors of the sign-in page', () => {
  it('go where `next` says, or home', async () => {
    fakeApi(signedInAs(memberView));
    const { router, findByRole } = await renderApp('/login?next=/prompts');
    expect(await findByRole('heading', { name: 'Prompts' })).toBeTruthy();
    await router.push('/login');
    expect(router.currentRoute.value.name).toBe('generate');
  });
});

describe('safeNext follows only paths inside the app', () => {
  it.each([
    ['/queue?x=1', '/queue?x=1'],
    ['//evil.example/steal', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    [['/a', '/b'], '/'],
    [undefined, '/'],
  ])('%j → %s', (next, target) => {
    expect(safeNext(next)).toBe(target);
  });
});
