import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { authUserSchema } from '@app/shared/contracts/api/auth';
import { errorBody, fakeApi, inTurn, json, noContent } from '../test/fake-api';
import { adminView } from '../test/users';
import { ApiError, parseRetryAfter } from './api-error';
import { bindSession, request } from './http';
import type { SessionHooks } from './http';

function session(overrides: Partial<SessionHooks> = {}): SessionHooks & { token: string } {
  const hooks: SessionHooks & { token: string } = {
    token: 'old',
    accessToken: () => hooks.token,
    refresh: vi.fn(async () => {
      hooks.token = 'new';
      return true;
    }),
    expire: vi.fn(),
    ...overrides,
  };
  return hooks;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

afterEach(() => bindSession(null));

describe('request', () => {
  it('sends JSON with the bearer token and the same-origin cookie policy, and parses the answer', async () => {
    bindSession(session());
    const api = fakeApi({ 'PATCH /auth/me': () => json(200, adminView) });

    const user = await request('PATCH', '/auth/me', { body: { displayName: 'Ada' }, schema: authUserSchema });

    expect(user).toEqual(adminView);
    const [sent] = api.seen;
    expect(sent?.headers.get('Authorization')).toBe('Bearer old');
    expect(sent?.headers.get('Content-Type')).toBe('application/json');
    expect(sent?.credentials).toBe('same-origin');
    expect(sent?.body).toEqual({ displayName: 'Ada' });
  });

  it('encodes query parameters', async () => {
    const api = fakeApi({ 'DELETE /users/u1?confirm=a%2Bb%40example.com': () => noContent() });
    await request('DELETE', '/users/u1', { query: { confirm: 'a+b@example.com' } });
    expect(api.seen).toHaveLength(1);
  });

  it('turns an error body into an ApiError with its field errors', async () => {
    fakeApi({
      'POST /users': () =>
        errorBody(400, 'Validation failed', [
          { field: 'body.email', message: 'must be an email address' },
          { field: 'body.password', message: 'must be at least 10 characters' },
        ]),
    });

    const error = await failure(request('POST', '/users', { body: {} }));

    expect(error.status).toBe(400);
    expect(error.message).toBe('Validation failed');
    expect(error.fieldMessages()).toEqual({ email: 'must be an email address', password: 'must be at least 10 characters' });
  });

  it('reads Retry-After from a throttled answer', async () => {
    fakeApi({ 'POST /auth/login': () => json(429, { statusCode: 429, message: 'Too many attempts' }, { 'Retry-After': '120' }) });
    const error = await failure(request('POST', '/auth/login', { anonymous: true, body: {} }));
    expect([error.status, error.retryAfterSeconds]).toEqual([429, 120]);
  });

  it('never shows a 5xx body, and says so when the server is unreachable', async () => {
    fakeApi({ 'GET /health': () => json(500, { statusCode: 500, message: 'stack trace here' }) });
    expect((await failure(request('GET', '/health'))).message).toBe('Something went wrong on the server. Try again in a moment.');

    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const offline = await failure(request('GET', '/health'));
    expect([offline.status, offline.message]).toEqual([0, 'The server is unreachable. Check your connection and try again.']);
  });

  it('rejects an answer that does not match the contract', async () => {
    fakeApi({ 'GET /auth/me': () => json(200, { id: 1 }) });
    const error = await failure(request('GET', '/auth/me', { schema: authUserSchema }));
    expect(error.message).toMatch(/does not understand/);
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const hooks = session();
    bindSession(hooks);
    const api = fakeApi({
      'GET /auth/me': (seen) => (seen.headers.get('Authorization') === 'Bearer new' ? json(200, adminView) : errorBody(401, 'expired')),
    });

    await expect(request('GET', '/auth/me', { schema: authUserSchema })).resolves.toEqual(adminView);
    expect(hooks.refresh).toHaveBeenCalledTimes(1);
    expect(api.seen.map((seen) => seen.headers.get('Authorization'))).toEqual(['Bearer old', 'Bearer new']);
  });

  it('expires the session when the refresh finds none', async () => {
    const hooks = session({ refresh: vi.fn(async () => false) });
    bindSession(hooks);
    fakeApi({ 'GET /tokens': () => errorBody(401, 'Unauthenticated') });

    expect((await failure(request('GET', '/tokens'))).status).toBe(401);
    expect(hooks.expire).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when a fresh token is still refused (the 401 was about something else)', async () => {
    const hooks = session();
    bindSession(hooks);
    const api = fakeApi({ 'POST /auth/password': inTurn(() => errorBody(401, 'expired'), () => errorBody(401, 'Wrong password')) });

    const error = await failure(request('POST', '/auth/password', { body: {} }));

    expect(error.message).toBe('Wrong password');
    expect(api.seen).toHaveLength(2);
    expect(hooks.expire).not.toHaveBeenCalled();
  });

  it('does not refresh again when another request already replaced the token', async () => {
    const hooks = session();
    bindSession(hooks);
    const api = fakeApi({
      'GET /tokens': (seen) => {
        if (seen.headers.get('Authorization') === 'Bearer replaced-meanwhile') return json(200, { items: [] });
        hooks.token = 'replaced-meanwhile';
        return errorBody(401, 'expired');
      },
    });

    await expect(request('GET', '/tokens', { schema: z.object({ items: z.array(z.never()) }) })).resolves.toEqual({ items: [] });
    expect(hooks.refresh).not.toHaveBeenCalled();
    expect(api.seen).toHaveLength(2);
  });

  it('sends anonymous requests without a token and never refreshes them', async () => {
    const hooks = session();
    bindSession(hooks);
    const api = fakeApi({ 'POST /auth/login': () => errorBody(401, 'Invalid email or password') });

    const error = await failure(request('POST', '/auth/login', { anonymous: true, body: {} }));

    expect(error.message).toBe('Invalid email or password');
    expect(api.seen[0]?.headers.has('Authorization')).toBe(false);
    expect(hooks.refresh).not.toHaveBeenCalled();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 5, 1, 12, 0, 0);
  it.each([
    ['90', 90],
    [' 5 ', 5],
    ['Sun, 01 Jun 2025 12:02:00 GMT', 120],
    ['Sun, 01 Jun 2025 11:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%s → %s seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
