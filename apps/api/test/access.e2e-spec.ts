import type { CreatedToken } from '@app/shared/contracts/api/tokens';
import { concretePath, registeredRoutes } from './support/routes';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

describe('access control', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('S-1 deny by default', () => {
    /** The media route is public but answers only a valid signature for an active owner (S-24): 404 otherwise. */
    const PUBLIC = ['POST /api/auth/login', 'POST /api/auth/refresh', 'POST /api/auth/logout', 'GET /api/health', 'GET /api/media/:resource/:id/:variant'];
    /** The OpenAPI description and its UI hold no data. */
    const isApiDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-');

    it('answers 401 to every registered route called without credentials, except the public list', async () => {
      const routes = registeredRoutes(api.app);
      expect(routes.length).toBeGreaterThan(15);
      const open: string[] = [];
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        if (PUBLIC.includes(key) || isApiDocs(route.path)) continue;
        const res = await api.http[route.method.toLowerCase() as 'get'](concretePath(route.path));
        if (res.status !== 401) open.push(`${key} → ${res.status}`);
      }
      expect(open).toEqual([]);
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(PUBLIC));
    });

    it('refuses a forged or malformed bearer token', async () => {
      await api.http.get('/api/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
      await api.http.get('/api/auth/me').set('Authorization', 'Bearer cgt_forged').expect(401);
      await api.http.get('/api/auth/me').set('Authorization', 'Basic abc').expect(401);
    });
  });

  describe('U-3 roles', () => {
    it.each([
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PATCH', '/api/users/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/users/00000000-0000-4000-8000-000000000000/password'],
      ['DELETE', '/api/users/00000000-0000-4000-8000-000000000000?confirm=x'],
      ['GET', '/metrics'],
    ])('a member gets 403 on %s %s', async (method, path) => {
      const member = await api.createUser(`member-${method}-${path.length}@test.local`);
      const res = await api.http[method.toLowerCase() as 'get'](path).auth(member.token, bearer).send({});
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ statusCode: 403, message: 'Admins only' });
    });
  });

  describe('U-7 personal API tokens', () => {
    it('shows the secret once, works as a Bearer token, lists without the secret, and stops working when revoked', async () => {
      const member = await api.createUser('scripter@test.local');
      const created = await api.http.post('/api/tokens').auth(member.token, bearer).send({ name: 'my script', scopes: ['read'] }).expect(201);
      const token = created.body as CreatedToken;
      expect(token.secret).toMatch(/^cgt_[A-Za-z0-9_-]{43,}$/);
      expect(token.scopes).toEqual(['read']);

      const me = await api.http.get('/api/auth/me').auth(token.secret, bearer).expect(200);
      expect(me.body.email).toBe('scripter@test.local');

      const list = await api.http.get('/api/tokens').auth(member.token, bearer).expect(200);
      expect(list.body.items).toEqual([{ id: token.id, name: 'my script', scopes: ['read'], createdAt: expect.any(Number), lastUsedAt: expect.any(Number), expiresAt: null }]);
      expect(JSON.stringify(list.body)).not.toContain(token.secret);

      await api.http.delete(`/api/tokens/${token.id}`).auth(member.token, bearer).expect(204);
      await api.http.get('/api/auth/me').auth(token.secret, bearer).expect(401);
    });

    it('enforces scopes: a read token cannot write, and tokens cannot manage credentials', async () => {
      const member = await api.createUser('scoped@test.local');
      const read = (await api.http.post('/api/tokens').auth(member.token, bearer).send({ name: 'ro', scopes: ['read'] }).expect(201)).body as CreatedToken;
      const gen = (await api.http.post('/api/tokens').auth(member.token, bearer).send({ name: 'rw', scopes: ['read', 'generate'] }).expect(201)).body as CreatedToken;
      const denied = await api.http.patch('/api/auth/me').auth(read.secret, bearer).send({ displayName: 'x' }).expect(403);
      expect(denied.body.message).toMatch(/API tokens cannot manage credentials/);
      await api.http.post('/api/tokens').auth(gen.secret, bearer).send({ name: 'nested' }).expect(403);
      await api.http.get('/api/auth/sessions').auth(gen.secret, bearer).expect(403);
    });

    it('lets only admins mint admin-scoped tokens, which then open admin routes', async () => {
      const member = await api.createUser('wannabe@test.local');
      await api.http.post('/api/tokens').auth(member.token, bearer).send({ name: 'x', scopes: ['admin'] }).expect(403);
      const admin = await api.loginAdmin();
      const adminToken = (await api.http.post('/api/tokens').auth(admin.accessToken, bearer).send({ name: 'ops', scopes: ['read', 'admin'] }).expect(201)).body as CreatedToken;
      const readToken = (await api.http.post('/api/tokens').auth(admin.accessToken, bearer).send({ name: 'ro', scopes: ['read'] }).expect(201)).body as CreatedToken;
      await api.http.get('/api/users').auth(adminToken.secret, bearer).expect(200);
      const noScope = await api.http.get('/api/users').auth(readToken.secret, bearer).expect(403);
      expect(noScope.body.message).toBe('This token lacks the "admin" scope');
    });

    it('refuses an expiry in the past and revoking another user’s token', async () => {
      const a = await api.createUser('tok-a@test.local');
      const b = await api.createUser('tok-b@test.local');
      const past = await api.http.post('/api/tokens').auth(a.token, bearer).send({ name: 'old', expiresAt: 1000 }).expect(400);
      expect(past.body.errors).toEqual([{ field: 'body.expiresAt', message: 'must be in the future' }]);
      const bToken = (await api.http.post('/api/tokens').auth(b.token, bearer).send({ name: 'b' }).expect(201)).body as CreatedToken;
      await api.http.delete(`/api/tokens/${bToken.id}`).auth(a.token, bearer).expect(404);
      await api.http.get('/api/auth/me').auth(bToken.secret, bearer).expect(200);
    });
  });

  describe('N-16 metrics and health', () => {
    it('serves Prometheus metrics to admins', async () => {
      const admin = await api.loginAdmin();
      const res = await api.http.get('/metrics').auth(admin.accessToken, bearer).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('http_request_duration_seconds_bucket');
      expect(res.text).toContain('process_resident_memory_bytes');
    });

    it('reports database and Redis in the public health check', async () => {
      await api.http.get('/api/health').expect(200, { status: 'ok', db: 'up', redis: 'up' });
    });
  });

  describe('J-15 OpenAPI from the validating schemas', () => {
    it('documents the login body with the fields the zod schema requires, and serves the UI', async () => {
      const doc = (await api.http.get('/api/docs-json').expect(200)).body as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
      };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/generations', '/api/workflows/{id}']));
      expect(doc.components.schemas.LoginDto?.required?.sort()).toEqual(['email', 'password']);
      expect(Object.keys(doc.components.schemas.CreateGenerationDto?.properties ?? {})).toEqual(expect.arrayContaining(['workflowId', 'values', 'randomize', 'bypass', 'count']));
      await api.http.get('/api/docs/').expect(200);
    });
  });

  describe('S-21 security headers', () => {
    it('sends a strict CSP, nosniff and same-origin referrer policy, and no CORS by default', async () => {
      const res = await api.http.get('/api/health').set('Origin', 'http://evil.example');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('never sends a plain-HTTP page to HTTPS: no upgrade-insecure-requests, no HSTS (a phone on the LAN got a blank page)', async () => {
      const res = await api.http.get('/api/health');
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });
});
