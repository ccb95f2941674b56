import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

describe('S-20 bad input never reaches a 500', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers malformed JSON with a 400 JSON body', async () => {
    const res = await api.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Malformed JSON body', errors: [{ field: 'body', message: 'is not valid JSON' }] });
  });

  it('answers a body over 1 MB with 413 JSON', async () => {
    const res = await api.http.post('/api/users').auth(admin, bearer).send({ email: 'x@test.local', password: 'p'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, message: 'Request body too large', errors: [{ field: 'body', message: 'must be at most 1 MB' }] });
  });

  it.each([
    ['missing fields', {}, [
      { field: 'body.email', message: expect.any(String) },
      { field: 'body.password', message: expect.any(String) },
    ]],
    ['an unknown field', { email: 'a@test.local', password: 'long-enough-pw', admin: true }, [{ field: 'body.admin', message: 'unknown field' }]],
    ['wrong types', { email: 42, password: 12345678901 }, [
      { field: 'body.email', message: expect.any(String) },
      { field: 'body.password', message: expect.any(String) },
    ]],
    ['a bad email and a short password', { email: 'not-an-email', password: 'short' }, [
      { field: 'body.email', message: 'must be an email address' },
      { field: 'body.password', message: 'must be at least 10 characters' },
    ]],
    ['an unknown role', { email: 'a@test.local', password: 'long-enough-pw', role: 'root' }, [{ field: 'body.role', message: expect.any(String) }]],
  ])('answers %s with 400 and field errors, writing nothing', async (_case, body, errors) => {
    const before = (await api.http.get('/api/users').auth(admin, bearer)).body.items.length;
    const res = await api.http.post('/api/users').auth(admin, bearer).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Validation failed', errors });
    const after = (await api.http.get('/api/users').auth(admin, bearer)).body.items.length;
    expect(after).toBe(before);
  });

  it.each(['../../etc/passwd', 'not-a-uuid', '1 OR 1=1'])('answers a path-like or malformed id %p with 400 naming the parameter', async (id) => {
    const res = await api.http.patch(`/api/users/${encodeURIComponent(id)}`).auth(admin, bearer).send({ role: 'member' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Invalid id', errors: [{ field: 'params.id', message: 'must be a UUID' }] });
  });

  it('names query parameters as query fields', async () => {
    const res = await api.http.get('/api/generations').query({ limit: 0 }).auth(admin, bearer);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'query.limit', message: expect.any(String) }]);
  });

  it('answers an empty update with 400', async () => {
    const res = await api.http.patch('/api/users/00000000-0000-4000-8000-000000000000').auth(admin, bearer).send({});
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Validation failed');
  });

  it('answers an unknown api route with a 404 JSON body', async () => {
    const res = await api.http.get('/api/nope').auth(admin, bearer);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: expect.stringContaining('Cannot GET /api/nope') });
  });
});
