import type { Database } from '@app/server/db/database';
import { DATABASE } from '@app/server/db/database.tokens';
import type { CreatedToken } from '@app/shared/contracts/api/tokens';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

describe('U-8 preferences api', () => {
  let api: TestApi;
  let alice: { id: string; token: string };
  let bob: string;
  beforeAll(async () => {
    api = await startTestApi();
    const created = await api.createUser('prefs-alice@test.local');
    alice = { id: created.user.id, token: created.token };
    bob = (await api.createUser('prefs-bob@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const { get, patch, post } = apiRequests(
    () => api,
    () => alice.token,
  );

  it('gives a user who never chose anything the defaults', async () => {
    const res = await get('/auth/me/preferences', bob).expect(200);
    expect(res.body).toEqual({ theme: 'dark', tagSpaces: false });
  });

  it('merges a change into the stored preferences and keeps them for that user only', async () => {
    const first = await patch('/auth/me/preferences', { theme: 'light' }).expect(200);
    expect(first.body).toEqual({ theme: 'light', tagSpaces: false });
    const second = await patch('/auth/me/preferences', { tagSpaces: true }).expect(200);
    expect(second.body).toEqual({ theme: 'light', tagSpaces: true });

    await get('/auth/me/preferences').expect(200, { theme: 'light', tagSpaces: true });
    await get('/auth/me/preferences', bob).expect(200, { theme: 'dark', tagSpaces: false });
  });

  it.each([
    ['a theme it does not offer', { theme: 'sepia' }, 'body.theme'],
    ['a switch that is not a boolean', { tagSpaces: 'yes' }, 'body.tagSpaces'],
    ['an unknown setting, even beside a valid one', { theme: 'system', density: 'compact' }, 'body.density'],
  ])('refuses %s with a field error and stores nothing', async (_case, body, field) => {
    const before = (await get('/auth/me/preferences').expect(200)).body as unknown;
    const res = await patch('/auth/me/preferences', body).expect(400);
    expect(res.body.errors).toEqual([{ field, message: expect.any(String) }]);
    await get('/auth/me/preferences').expect(200, before);
  });

  it('reads stored preferences with the current schema: old keys dropped, invalid values back to their default', async () => {
    const carol = await api.createUser('prefs-carol@test.local');
    await api.app
      .get<symbol, Database>(DATABASE)
      .insertInto('userPreferences')
      .values({ userId: carol.user.id, preferences: JSON.stringify({ theme: 'sepia', tagSpaces: true, gridSize: 3 }), updatedAt: Date.now() })
      .execute();
    await get('/auth/me/preferences', carol.token).expect(200, { theme: 'dark', tagSpaces: true });
  });

  it('lets a read token read them, while only a signed-in session changes them (like the profile)', async () => {
    const token = (await post('/tokens', { name: 'prefs script', scopes: ['read', 'generate'] }).expect(201)).body as CreatedToken;
    await get('/auth/me/preferences', token.secret).expect(200);
    const denied = await patch('/auth/me/preferences', { theme: 'dark' }, token.secret).expect(403);
    expect(denied.body.message).toMatch(/API tokens cannot manage credentials/);
  });

  it('can be read, not changed, while a forced password change is pending (the change screen shows in their theme)', async () => {
    const admin = (await api.loginAdmin()).accessToken;
    await post('/users', { email: 'prefs-fresh@test.local', password: 'initial-password-1', role: 'member' }, admin).expect(201);
    const fresh = (await api.login('prefs-fresh@test.local', 'initial-password-1')).accessToken;
    await get('/auth/me/preferences', fresh).expect(200, { theme: 'dark', tagSpaces: false });
    await patch('/auth/me/preferences', { theme: 'light' }, fresh).expect(403);
  });

  it('answers 401 without credentials', async () => {
    await api.http.get('/api/auth/me/preferences').expect(401);
    await api.http.patch('/api/auth/me/preferences').send({ theme: 'light' }).expect(401);
  });
});
