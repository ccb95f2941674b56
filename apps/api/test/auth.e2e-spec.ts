import type { LoginResponse } from '@app/shared/contracts/api/auth';
import { cookiePair, refreshCookie } from './support/refresh-cookie';
import { ADMIN, startTestApi, type TestApi } from './support/test-api';

describe('auth (U-1, S-16 … S-18)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('login', () => {
    it('answers the access token and user, and sets an httpOnly SameSite=Strict refresh cookie scoped to /api/auth', async () => {
      const res = await api.http.post('/api/auth/login').send({ email: 'ADMIN@test.local ', password: ADMIN.password }).expect(200);
      const body = res.body as LoginResponse;
      expect(body.user).toEqual({ id: expect.any(String), email: ADMIN.email, role: 'admin', displayName: 'Admin', mustChangePassword: false });
      expect(body.accessToken.split('.')).toHaveLength(3);
      expect(body.expiresIn).toBe(900);
      const cookie = refreshCookie(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api\/auth/i);
    });

    it('gives a wrong password and an unknown email the same answer', async () => {
      const wrong = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: 'not-the-password' });
      const unknown = await api.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, message: 'Invalid email or password' });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('refuses a disabled account with the same answer as a wrong password', async () => {
      const { user, password } = await api.createUser('disabled@test.local');
      const admin = await api.loginAdmin();
      await api.http.patch(`/api/users/${user.id}`).auth(admin.accessToken, { type: 'bearer' }).send({ state: 'disabled' }).expect(200);
      const res = await api.http.post('/api/auth/login').send({ email: 'disabled@test.local', password });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'Invalid email or password' });
    });
  });

  describe('refresh rotation and reuse detection', () => {
    it('rotates the cookie on each refresh and revokes the family when an old cookie is replayed', async () => {
      const login = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
      const first = cookiePair(refreshCookie(login.headers['set-cookie']));

      const refreshed = await api.http.post('/api/auth/refresh').set('Cookie', first).expect(200);
      const second = cookiePair(refreshCookie(refreshed.headers['set-cookie']));
      expect(second).not.toBe(first);
      const newAccess = (refreshed.body as LoginResponse).accessToken;
      await api.http.get('/api/auth/me').auth(newAccess, { type: 'bearer' }).expect(200);

      // Replaying the rotated-out cookie is reuse: the whole session ends, the newest cookie too.
      await api.http.post('/api/auth/refresh').set('Cookie', first).expect(401);
      await api.http.post('/api/auth/refresh').set('Cookie', second).expect(401);
      await api.http.get('/api/auth/me').auth(newAccess, { type: 'bearer' }).expect(401);
    });

    it('answers 204 with no body and no cookie when there is no refresh cookie: nothing to refresh', async () => {
      const res = await api.http.post('/api/auth/refresh').expect(204);
      expect(res.text).toBe('');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('answers 401 to a cookie that is not a session, and clears it', async () => {
      const res = await api.http.post('/api/auth/refresh').set('Cookie', 'cs_refresh=not-a-session').expect(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'Session ended; sign in again' });
      expect(refreshCookie(res.headers['set-cookie'])).toMatch(/cs_refresh=;/);
    });

    it('refuses a cross-origin refresh', async () => {
      const login = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
      const cookie = cookiePair(refreshCookie(login.headers['set-cookie']));
      await api.http.post('/api/auth/refresh').set('Cookie', cookie).set('Origin', 'http://evil.example').expect(403);
    });
  });

  describe('logout', () => {
    it('revokes the session server-side: its cookie and access token stop working', async () => {
      const login = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
      const cookie = cookiePair(refreshCookie(login.headers['set-cookie']));
      const access = (login.body as LoginResponse).accessToken;
      const out = await api.http.post('/api/auth/logout').set('Cookie', cookie).expect(204);
      expect(refreshCookie(out.headers['set-cookie'])).toMatch(/cs_refresh=;/);
      await api.http.post('/api/auth/refresh').set('Cookie', cookie).expect(401);
      await api.http.get('/api/auth/me').auth(access, { type: 'bearer' }).expect(401);
    });
  });

  describe('U-2 forced password change', () => {
    it('lets a user with an admin-set password do nothing but change it', async () => {
      const admin = await api.loginAdmin();
      await api.http.post('/api/users').auth(admin.accessToken, { type: 'bearer' }).send({ email: 'fresh@test.local', password: 'initial-password-1', role: 'admin' }).expect(201);
      const first = await api.login('fresh@test.local', 'initial-password-1');
      expect(first.user.mustChangePassword).toBe(true);
      const bearer = { type: 'bearer' } as const;
      await api.http.get('/api/auth/me').auth(first.accessToken, bearer).expect(200);
      const blocked = await api.http.get('/api/users').auth(first.accessToken, bearer).expect(403);
      expect(blocked.body).toEqual({ statusCode: 403, message: 'Change your password before continuing' });

      const sameAsEmail = await api.http.post('/api/auth/password').auth(first.accessToken, bearer).send({ currentPassword: 'initial-password-1', newPassword: 'fresh@test.local' }).expect(400);
      expect(sameAsEmail.body.errors).toEqual([{ field: 'body.newPassword', message: 'must not be the email address' }]);
      await api.http.post('/api/auth/password').auth(first.accessToken, bearer).send({ currentPassword: 'initial-password-1', newPassword: 'my-own-password-1' }).expect(204);
      await api.http.get('/api/users').auth(first.accessToken, bearer).expect(200);
    });
  });

  describe('U-7 sessions', () => {
    it('lists own sessions with the current one marked, revokes one, and ends others on a password change', async () => {
      const { token, password } = await api.createUser('sessions@test.local');
      const other = await api.login('sessions@test.local', password);
      const bearer = { type: 'bearer' } as const;
      const list = await api.http.get('/api/auth/sessions').auth(token, bearer).expect(200);
      const items = (list.body as { items: { id: string; current: boolean; ip: string | null }[] }).items;
      expect(items.filter((s) => s.current)).toHaveLength(1);
      expect(items.length).toBeGreaterThanOrEqual(2);

      await api.http.post('/api/auth/password').auth(token, bearer).send({ currentPassword: password, newPassword: 'another-password-2' }).expect(204);
      await api.http.get('/api/auth/me').auth(other.accessToken, bearer).expect(401);
      await api.http.get('/api/auth/me').auth(token, bearer).expect(200);

      const remaining = (await api.http.get('/api/auth/sessions').auth(token, bearer).expect(200)).body as { items: { id: string }[] };
      expect(remaining.items).toHaveLength(1);
      await api.http.delete(`/api/auth/sessions/${remaining.items[0]!.id}`).auth(token, bearer).expect(204);
      await api.http.get('/api/auth/me').auth(token, bearer).expect(401);
    });

    it("answers 404 for another user's session", async () => {
      const a = await api.createUser('sess-a@test.local');
      const b = await api.createUser('sess-b@test.local');
      const bSessions = (await api.http.get('/api/auth/sessions').auth(b.token, { type: 'bearer' })).body as { items: { id: string }[] };
      await api.http.delete(`/api/auth/sessions/${bSessions.items[0]!.id}`).auth(a.token, { type: 'bearer' }).expect(404);
      await api.http.get('/api/auth/me').auth(b.token, { type: 'bearer' }).expect(200);
    });
  });
});

describe('S-17 login throttling', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('locks an account after 5 consecutive failures, even for the right password, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: `wrong-${i}` }).expect(401);
    const locked = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(locked.body.message).toMatch(/Too many failed logins/);
  });

  it('locks an unknown email the same way, so a lock reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await api.http.post('/api/auth/login').send({ email: 'ghost@test.local', password: `wrong-${i}` }).expect(401);
    await api.http.post('/api/auth/login').send({ email: 'ghost@test.local', password: 'whatever' }).expect(429);
  });

  it('a success resets the consecutive count', async () => {
    for (let i = 0; i < 4; i++) await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: `wrong-${i}` }).expect(401);
    await api.loginAdmin();
    for (let i = 0; i < 4; i++) await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: `wrong-${i}` }).expect(401);
    await api.loginAdmin();
  });

  it('refuses an address after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i++) await api.http.post('/api/auth/login').send({ email: `user${i}@test.local`, password: 'wrong-password' }).expect(401);
    const res = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});
