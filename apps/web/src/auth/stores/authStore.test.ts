import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { useToastStore } from '../../shell/stores/toastStore';
import { deferred, errorBody, fakeApi, json, noContent } from '../../test/fake-api';
import { signedInAs, signedOut } from '../../test/sessions';
import { adminView, loginAnswer, memberView } from '../../test/users';
import { useAuthStore } from './authStore';

beforeEach(() => {
  setActivePinia(createPinia());
});

describe('login', () => {
  it('keeps the user and the access token in memory, never in storage', async () => {
    const api = fakeApi({ 'POST /auth/login': () => json(200, loginAnswer(memberView, 'tok-9')) });
    const auth = useAuthStore();

    await auth.login({ email: 'max@example.com', password: 'correct horse' });

    expect([auth.user, auth.accessToken, auth.isAdmin]).toEqual([memberView, 'tok-9', false]);
    expect(api.seen[0]?.body).toEqual({ email: 'max@example.com', password: 'correct horse' });
    expect(api.seen[0]?.headers.has('Authorization')).toBe(false);
    expect([localStorage.length, sessionStorage.length]).toEqual([0, 0]);
  });

  it('stays signed out when the credentials are refused', async () => {
    fakeApi({ 'POST /auth/login': () => errorBody(401, 'Invalid email or password') });
    const auth = useAuthStore();

    await expect(auth.login({ email: 'max@example.com', password: 'nope' })).rejects.toBeInstanceOf(ApiError);
    expect(auth.isAuthenticated).toBe(false);
  });
});

describe('restore', () => {
  it('restores the session from the refresh cookie once, however often it is asked', async () => {
    const api = fakeApi(signedInAs(adminView));
    const auth = useAuthStore();

    await Promise.all([auth.restore(), auth.restore()]);
    await auth.restore();

    expect(auth.user).toEqual(adminView);
    expect(auth.isAdmin).toBe(true);
    expect(api.seen.filter((seen) => seen.path === '/auth/refresh')).toHaveLength(1);
  });

  it('leaves the user signed out, quietly, when the browser holds no refresh cookie (204)', async () => {
    fakeApi(signedOut());
    const auth = useAuthStore();
    await auth.restore();
    expect(auth.isAuthenticated).toBe(false);
    expect(useToastStore().toasts).toEqual([]);
  });

  it('leaves the user signed out when the refresh cookie no longer works (401)', async () => {
    fakeApi({ 'POST /auth/refresh': () => errorBody(401, 'Session ended; sign in again') });
    const auth = useAuthStore();
    await auth.restore();
    expect(auth.isAuthenticated).toBe(false);
    expect(useToastStore().toasts).toEqual([]);
  });

  it('says so when the server cannot be reached, and does not fail', async () => {
    fakeApi({ 'POST /auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')) });
    const auth = useAuthStore();

    await auth.restore();

    expect(auth.isAuthenticated).toBe(false);
    expect(useToastStore().toasts.map((toast) => toast.message)).toEqual([
      'The server is unreachable. Check your connection and try again.',
    ]);
  });
});

describe('refresh', () => {
  it('shares one request between concurrent callers (single flight)', async () => {
    const answer = deferred<Response>();
    const api = fakeApi({ 'POST /auth/refresh': () => answer.promise });
    const auth = useAuthStore();

    const both = Promise.all([auth.refresh(), auth.refresh()]);
    answer.resolve(json(200, loginAnswer(memberView, 'fresh')));

    await expect(both).resolves.toEqual([true, true]);
    expect(api.seen).toHaveLength(1);
    expect(auth.accessToken).toBe('fresh');
  });

  it('asks again once the previous refresh has finished', async () => {
    const api = fakeApi(signedInAs(memberView));
    const auth = useAuthStore();
    await auth.refresh();
    await auth.refresh();
    expect(api.seen).toHaveLength(2);
  });
});

describe('logout', () => {
  it('ends the server session by its cookie and forgets the user', async () => {
    const api = fakeApi({ ...signedInAs(memberView), 'POST /auth/logout': () => noContent() });
    const auth = useAuthStore();
    await auth.restore();

    await auth.logout();

    expect(auth.isAuthenticated).toBe(false);
    expect(auth.accessToken).toBeNull();
    expect(api.seen.map((seen) => `${seen.method} ${seen.path}`)).toEqual(['POST /auth/refresh', 'POST /auth/logout']);
  });

  it('forgets the user even when the server cannot be told', async () => {
    fakeApi({ ...signedInAs(memberView), 'POST /auth/logout': () => Promise.reject(new TypeError('offline')) });
    const auth = useAuthStore();
    await auth.restore();

    await expect(auth.logout()).rejects.toBeInstanceOf(ApiError);
    expect(auth.isAuthenticated).toBe(false);
  });
});

describe('U-9 own password and display name', () => {
  it('clears the forced change once the password is changed', async () => {
    fakeApi({ ...signedInAs({ ...memberView, mustChangePassword: true }), 'POST /auth/password': () => noContent() });
    const auth = useAuthStore();
    await auth.restore();
    expect(auth.mustChangePassword).toBe(true);

    await auth.changePassword({ currentPassword: 'given-by-admin', newPassword: 'my own long secret' });

    expect(auth.mustChangePassword).toBe(false);
  });

  it('shows the new display name the server stored', async () => {
    fakeApi({ ...signedInAs(memberView), 'PATCH /auth/me': () => json(200, { ...memberView, displayName: 'Maximilian' }) });
    const auth = useAuthStore();
    await auth.restore();

    await auth.updateDisplayName('Maximilian');

    expect(auth.user?.displayName).toBe('Maximilian');
  });
});
