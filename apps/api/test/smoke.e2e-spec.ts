import { startTestApi, type TestApi } from './support/test-api';

describe('smoke', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi(); });
  afterAll(async () => { await api.close(); });
  it('health and login', async () => {
    await api.http.get('/api/health').expect(200, { status: 'ok', db: 'up', redis: 'up' });
    const session = await api.loginAdmin();
    expect(session.user.email).toBe('admin@test.local');
    const me = await api.http.get('/api/auth/me').auth(session.accessToken, { type: 'bearer' });
    expect(me.body).toMatchObject({ email: 'admin@test.local', role: 'admin' });
  });
});
