import type { CreatedToken } from '@app/shared/contracts/api/tokens';
import { io, type Socket } from 'socket.io-client';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

function connect(url: string, options: { token?: string; header?: string }): Socket {
  return io(url, {
    path: '/api/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.token ? { auth: { token: options.token } } : {}),
    ...(options.header ? { extraHeaders: { Authorization: `Bearer ${options.header}` } } : {}),
  });
}

/** Resolves 'connected' or the connect_error message. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error: Error) => resolve(`refused: ${error.message}`));
  });
}

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason: string) => resolve(reason)));
}

describe('S-19 Socket.IO handshake', () => {
  let api: TestApi;
  const sockets: Socket[] = [];
  const open = (options: { token?: string; header?: string }) => {
    const socket = connect(api.url, options);
    sockets.push(socket);
    return socket;
  };
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api.close();
  });

  it('accepts an access token in the auth payload', async () => {
    const { accessToken } = await api.loginAdmin();
    expect(await outcome(open({ token: accessToken }))).toBe('connected');
  });

  it('accepts an Authorization: Bearer header and a personal API token', async () => {
    const member = await api.createUser('socket-token@test.local');
    const token = (await api.http.post('/api/tokens').auth(member.token, bearer).send({ name: 'sock', scopes: ['read'] }).expect(201)).body as CreatedToken;
    expect(await outcome(open({ header: member.token }))).toBe('connected');
    expect(await outcome(open({ token: token.secret }))).toBe('connected');
  });

  it.each([
    ['no credentials', {}],
    ['a forged JWT', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwic2lkIjoieSJ9.c2lnbmF0dXJl' }],
    ['an unknown API token', { token: 'cgt_unknownunknownunknownunknownunknownunknown' }],
  ])('refuses a handshake with %s', async (_case, options) => {
    expect(await outcome(open(options))).toBe('refused: unauthorized');
  });

  it('drops an open socket when its session is revoked', async () => {
    const member = await api.createUser('socket-revoke@test.local');
    const socket = open({ token: member.token });
    expect(await outcome(socket)).toBe('connected');
    const sessions = (await api.http.get('/api/auth/sessions').auth(member.token, bearer)).body as { items: { id: string; current: boolean }[] };
    const current = sessions.items.find((s) => s.current)!;
    const gone = disconnected(socket);
    await api.http.delete(`/api/auth/sessions/${current.id}`).auth(member.token, bearer).expect(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('drops an open socket when an admin disables the user, and keeps other users connected', async () => {
    const target = await api.createUser('socket-disable@test.local');
    const bystander = await api.createUser('socket-bystander@test.local');
    const targetSocket = open({ token: target.token });
    const bystanderSocket = open({ token: bystander.token });
    expect(await outcome(targetSocket)).toBe('connected');
    expect(await outcome(bystanderSocket)).toBe('connected');
    const gone = disconnected(targetSocket);
    const admin = await api.loginAdmin();
    await api.http.patch(`/api/users/${target.user.id}`).auth(admin.accessToken, bearer).send({ state: 'disabled' }).expect(200);
    expect(await gone).toBe('io server disconnect');
    expect(bystanderSocket.connected).toBe(true);
  });
});
