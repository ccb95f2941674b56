import type { CreatedToken } from '@app/shared/contracts/api/tokens';
import { JobEventsBus } from '@app/server/events/job-events';
import { io, type Socket } from 'socket.io-client';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

interface OpenSocket {
  socket: Socket;
  events: string[];
  /** Resolves with the disconnect reason. */
  gone: Promise<string>;
}

/**
 * S-19 for personal API tokens: a token that stops being valid — revoked, expired, or ended with
 * its owner's password or account — takes its open sockets with it, and stops working on REST.
 */
describe('API tokens end with their access', () => {
  let api: TestApi;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api.close();
  });

  async function open(credential: string): Promise<OpenSocket> {
    const socket = io(api.url, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: credential } });
    sockets.push(socket);
    const events: string[] = [];
    socket.onAny((name: string) => events.push(name));
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason: string) => resolve(reason)));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, events, gone };
  }

  async function createToken(sessionToken: string, expiresAt?: number): Promise<CreatedToken> {
    const body = { name: 'script', scopes: ['read', 'generate'], ...(expiresAt === undefined ? {} : { expiresAt }) };
    return (await api.http.post('/api/tokens').auth(sessionToken, bearer).send(body).expect(201)).body as CreatedToken;
  }

  /** Resolves with the reason, or rejects when the socket is still connected after `ms`. */
  function within(ms: number, gone: Promise<string>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    });
    return Promise.race([gone, late]).finally(() => clearTimeout(timer));
  }

  /** A job event for the user; waits until the session socket saw it, so the token socket would have too. */
  async function publishJobEvent(userId: string, witness: OpenSocket): Promise<void> {
    const seen = new Promise<void>((resolve) => witness.socket.once('job.queued', () => resolve()));
    await api.app.get(JobEventsBus).publish({ userId, event: 'job.queued', payload: { jobId: `probe-${Date.now()}`, seq: 1, position: null } });
    await seen;
  }

  it('revoking a token drops its socket within moments; the owner’s other sockets keep their events', async () => {
    const member = await api.createUser('revoke-token@test.local');
    const token = await createToken(member.token);
    const viaToken = await open(token.secret);
    const viaSession = await open(member.token);
    await publishJobEvent(member.user.id, viaSession);
    expect(viaToken.events).toContain('job.queued');

    await api.http.delete(`/api/tokens/${token.id}`).auth(member.token, bearer).expect(204);
    expect(await within(5000, viaToken.gone)).toBe('io server disconnect');
    const before = viaToken.events.length;
    await publishJobEvent(member.user.id, viaSession);
    expect(viaToken.events.slice(before)).toEqual([]);
    expect(viaSession.socket.connected).toBe(true);
  });

  it('an expiring token’s socket is dropped once it expires', async () => {
    const member = await api.createUser('expire-token@test.local');
    const expiresAt = Date.now() + 1500;
    const token = await createToken(member.token, expiresAt);
    const viaToken = await open(token.secret);
    expect(await within(expiresAt - Date.now() + 5000, viaToken.gone)).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    await api.http.get('/api/auth/me').auth(token.secret, bearer).expect(401);
  });

  it('changing one’s own password revokes every API token and drops their sockets', async () => {
    const member = await api.createUser('change-password-token@test.local');
    const token = await createToken(member.token);
    const viaToken = await open(token.secret);
    const newPassword = 'a-brand-new-password';
    await api.http.post('/api/auth/password').auth(member.token, bearer).send({ currentPassword: member.password, newPassword }).expect(204);

    expect(await within(5000, viaToken.gone)).toBe('io server disconnect');
    await api.http.get('/api/auth/me').auth(token.secret, bearer).expect(401);
    expect((await api.http.get('/api/tokens').auth(member.token, bearer).expect(200)).body).toEqual({ items: [] });
  });

  it('an admin password reset revokes every API token of the user and drops their sockets', async () => {
    const member = await api.createUser('reset-token@test.local');
    const token = await createToken(member.token);
    const viaToken = await open(token.secret);
    const admin = await api.loginAdmin();
    await api.http.post(`/api/users/${member.user.id}/password`).auth(admin.accessToken, bearer).send({ password: 'reset-by-the-admin' }).expect(204);

    expect(await within(5000, viaToken.gone)).toBe('io server disconnect');
    await api.http.get('/api/auth/me').auth(token.secret, bearer).expect(401);
  });

  it('disabling a user revokes their API tokens: re-enabling does not bring them back', async () => {
    const member = await api.createUser('disable-token@test.local');
    const token = await createToken(member.token);
    const viaToken = await open(token.secret);
    const admin = await api.loginAdmin();
    await api.http.patch(`/api/users/${member.user.id}`).auth(admin.accessToken, bearer).send({ state: 'disabled' }).expect(200);
    expect(await within(5000, viaToken.gone)).toBe('io server disconnect');
    await api.http.patch(`/api/users/${member.user.id}`).auth(admin.accessToken, bearer).send({ state: 'active' }).expect(200);

    await api.http.get('/api/auth/me').auth(token.secret, bearer).expect(401);
    const session = await api.login(member.user.email, member.password);
    expect((await api.http.get('/api/tokens').auth(session.accessToken, bearer).expect(200)).body).toEqual({ items: [] });
  });
});
