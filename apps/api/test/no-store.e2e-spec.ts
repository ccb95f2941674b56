import { ADMIN, startTestApi, type TestApi } from './support/test-api';

describe('S-21 answers carrying a credential are never cached', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('sends Cache-Control: no-store with the access token, the rotated one and a new API token', async () => {
    const login = await api.http.post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const refresh = await api.http.post('/api/auth/refresh').set('Cookie', cookie).expect(200);
    const token = await api.http.post('/api/tokens').auth(refresh.body.accessToken, { type: 'bearer' }).send({ name: 'ci', scopes: ['read'] }).expect(201);
    expect([login, refresh, token].map((res) => res.headers['cache-control'])).toEqual(['no-store', 'no-store', 'no-store']);
  });
});
