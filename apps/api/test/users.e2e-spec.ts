import type { User } from '@app/shared/contracts/api/users';
import { ADMIN, startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

describe('U-3 admin user management', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates a user (201 {id, email, role}) who must change the initial password, and lists it', async () => {
    const res = await api.http.post('/api/users').auth(admin, bearer).send({ email: 'New.Person@Test.local', password: 'initial-password', role: 'member', displayName: 'New Person' }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), email: 'new.person@test.local', role: 'member', displayName: 'New Person', state: 'active', mustChangePassword: true, createdAt: expect.any(Number) });
    const list = await api.http.get('/api/users').auth(admin, bearer).expect(200);
    expect((list.body as { items: User[] }).items.map((u) => u.email)).toEqual([ADMIN.email, 'new.person@test.local']);
    expect(JSON.stringify(list.body)).not.toMatch(/password_?hash|argon2/i);
  });

  it('refuses a duplicate email ignoring case with 409 on the field', async () => {
    await api.http.post('/api/users').auth(admin, bearer).send({ email: 'dup@test.local', password: 'initial-password' }).expect(201);
    const res = await api.http.post('/api/users').auth(admin, bearer).send({ email: 'DUP@test.local', password: 'initial-password' }).expect(409);
    expect(res.body).toEqual({ statusCode: 409, message: 'A user with this email exists', errors: [{ field: 'body.email', message: 'is already taken' }] });
  });

  it('disabling a user ends their access at once; enabling lets them log in again', async () => {
    const member = await api.createUser('toggle@test.local');
    await api.http.patch(`/api/users/${member.user.id}`).auth(admin, bearer).send({ state: 'disabled' }).expect(200);
    await api.http.get('/api/auth/me').auth(member.token, bearer).expect(401);
    await api.http.post('/api/auth/login').send({ email: 'toggle@test.local', password: member.password }).expect(401);
    await api.http.patch(`/api/users/${member.user.id}`).auth(admin, bearer).send({ state: 'active' }).expect(200);
    await api.login('toggle@test.local', member.password);
  });

  it('changes roles, effective on the next request', async () => {
    const member = await api.createUser('promote@test.local');
    await api.http.get('/api/users').auth(member.token, bearer).expect(403);
    const res = await api.http.patch(`/api/users/${member.user.id}`).auth(admin, bearer).send({ role: 'admin' }).expect(200);
    expect(res.body.role).toBe('admin');
    await api.http.get('/api/users').auth(member.token, bearer).expect(200);
  });

  it('an admin reset ends sessions and forces a change at next login', async () => {
    const member = await api.createUser('reset@test.local');
    await api.http.post(`/api/users/${member.user.id}/password`).auth(admin, bearer).send({ password: 'reset-password-9' }).expect(204);
    await api.http.get('/api/auth/me').auth(member.token, bearer).expect(401);
    const session = await api.login('reset@test.local', 'reset-password-9');
    expect(session.user.mustChangePassword).toBe(true);
  });

  it('U-12 deletes a user only when their email is typed, ending their access', async () => {
    const member = await api.createUser('leaving@test.local');
    const wrong = await api.http.delete(`/api/users/${member.user.id}`).query({ confirm: 'someone@test.local' }).auth(admin, bearer).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'query.confirm', message: 'does not match the user’s email' }]);
    await api.http.delete(`/api/users/${member.user.id}`).query({ confirm: 'LEAVING@test.local' }).auth(admin, bearer).expect(204);
    await api.http.get('/api/auth/me').auth(member.token, bearer).expect(401);
    await api.http.delete(`/api/users/${member.user.id}`).query({ confirm: 'leaving@test.local' }).auth(admin, bearer).expect(404);
  });
});

// Its own api: one live app per test process at a time (passport strategies are process-wide).
describe('U-3 last active admin', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('never lets the last active admin be demoted, disabled or deleted', async () => {
    const token = (await api.loginAdmin()).accessToken;
    const me = (await api.http.get('/api/auth/me').auth(token, bearer)).body as { id: string };
    for (const change of [{ role: 'member' }, { state: 'disabled' }]) {
      const res = await api.http.patch(`/api/users/${me.id}`).auth(token, bearer).send(change).expect(409);
      expect(res.body.message).toBe('The last active admin cannot be disabled, demoted or deleted');
    }
    await api.http.delete(`/api/users/${me.id}`).query({ confirm: ADMIN.email }).auth(token, bearer).expect(409);
    const after = await api.http.get('/api/users').auth(token, bearer).expect(200);
    expect(after.body.items).toEqual([expect.objectContaining({ role: 'admin', state: 'active' })]);
  });
});
