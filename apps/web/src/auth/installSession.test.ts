import { describe, expect, it } from 'vitest';
import { request } from '../api/http';
import { deferred, errorBody, fakeApi, json } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { loginAnswer, memberView } from '../test/users';
import { useAuthStore } from './stores/authStore';

describe('S-18 session wiring between the store and the HTTP client', () => {
  it('refreshes once for several requests that find the token expired, then retries each', async () => {
    const refreshAnswer = deferred<Response>();
    let refreshes = 0;
    const api = fakeApi({
      'POST /auth/refresh': () => {
        refreshes += 1;
        return refreshes === 1 ? json(200, loginAnswer(memberView, 'old')) : refreshAnswer.promise;
      },
      'GET /tokens': (seen) => (seen.headers.get('Authorization') === 'Bearer new' ? json(200, { items: [] }) : errorBody(401, 'expired')),
    });
    await renderApp('/queue');

    const requests = Promise.all([request('GET', '/tokens'), request('GET', '/tokens'), request('GET', '/tokens')]);
    refreshAnswer.resolve(json(200, loginAnswer(memberView, 'new')));
    await requests;

    expect(refreshes).toBe(2);
    const retried = api.seen.filter((seen) => seen.path === '/tokens' && seen.headers.get('Authorization') === 'Bearer new');
    expect(retried).toHaveLength(3);
    expect(useAuthStore().accessToken).toBe('new');
  });

  it('sends the user to sign in, remembering where they were, when the session cannot be refreshed', async () => {
    let isSessionAlive = true;
    fakeApi({
      'POST /auth/refresh': () => (isSessionAlive ? json(200, loginAnswer(memberView)) : errorBody(401, 'Session ended; sign in again')),
      'GET /tokens': () => errorBody(401, 'expired'),
    });
    const { router, findByRole } = await renderApp('/gallery?view=recent');
    isSessionAlive = false;

    await expect(request('GET', '/tokens')).rejects.toMatchObject({ status: 401 });

    expect(await findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBe('/gallery?view=recent');
    expect(useAuthStore().isAuthenticated).toBe(false);
  });
});
