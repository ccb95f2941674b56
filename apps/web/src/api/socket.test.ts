// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope, ref, watch } from 'vue';
import type { Ref } from 'vue';
import { deferred } from '../test/fake-api';
import type { SessionHooks } from './http';
import { createSocketClient, provideSocket, SOCKET_PATH } from './socket';
import type { SocketClient } from './socket';
import { useSocketEvents } from './useSocketEvents';

type TestEvents = { 'job.progress': (payload: { jobId: string; value: number }) => void };

let io: Server;
let url: string;
/** Tokens the server's handshake check accepts. */
let validTokens: Set<string>;
let client: SocketClient<TestEvents> | null = null;

beforeEach(async () => {
  validTokens = new Set(['good']);
  const http = createServer();
  io = new Server(http, { path: SOCKET_PATH });
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    if (typeof token === 'string' && validTokens.has(token)) next();
    else next(new Error('unauthenticated'));
  });
  await new Promise<void>((listening) => http.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  client?.disconnect();
  client = null;
  await io.close();
});

function session(token: string, overrides: Partial<SessionHooks> = {}): SessionHooks & { token: string } {
  const hooks: SessionHooks & { token: string } = { token, accessToken: () => hooks.token, refresh: vi.fn(async () => false), expire: vi.fn(), ...overrides };
  return hooks;
}

function becomes(flag: Readonly<Ref<boolean>>, expected: boolean): Promise<void> {
  return new Promise((done) => {
    const stop = watch(flag, (value) => {
      if (value !== expected) return;
      stop();
      done();
    }, { immediate: true });
  });
}

describe('S-19 socket authenticates in the handshake', () => {
  it('connects with the access token in the auth payload and delivers typed events', async () => {
    client = createSocketClient<TestEvents>(session('good'), { url });
    const received = deferred<{ jobId: string; value: number }>();
    client.on('job.progress', (payload) => received.resolve(payload));
    const serverSide = new Promise<string>((seen) => io.on('connection', (socket) => seen(String(socket.handshake.auth.token))));

    await client.connect();
    await becomes(client.connected, true);
    io.emit('job.progress', { jobId: 'j1', value: 0.5 });

    await expect(serverSide).resolves.toBe('good');
    await expect(received.promise).resolves.toEqual({ jobId: 'j1', value: 0.5 });
  });

  it('stops delivering an event after off', async () => {
    client = createSocketClient<TestEvents>(session('good'), { url });
    const seen: number[] = [];
    const first = deferred<void>();
    const stop = client.on('job.progress', ({ value }) => {
      seen.push(value);
      first.resolve();
    });
    const second = deferred<void>();
    client.on('job.progress', ({ value }) => value === 2 && second.resolve());
    await client.connect();
    await becomes(client.connected, true);

    io.emit('job.progress', { jobId: 'j1', value: 1 });
    await first.promise;
    stop();
    io.emit('job.progress', { jobId: 'j1', value: 2 });
    await second.promise;

    expect(seen).toEqual([1]);
  });

  it('refreshes the token once when the handshake is refused, then connects with the fresh token', async () => {
    const hooks = session('expired');
    hooks.refresh = vi.fn(async () => {
      hooks.token = 'fresh';
      return true;
    });
    validTokens.add('fresh');
    client = createSocketClient<TestEvents>(hooks, { url });

    await client.connect();
    await becomes(client.connected, true);

    expect(hooks.refresh).toHaveBeenCalledTimes(1);
    expect(hooks.expire).not.toHaveBeenCalled();
  });

  it('expires the session when the refusal cannot be cured by a refresh', async () => {
    const expired = deferred<void>();
    const hooks = session('revoked', { expire: vi.fn(() => expired.resolve()) });
    client = createSocketClient<TestEvents>(hooks, { url });

    await client.connect();
    await expired.promise;

    expect(client.connected.value).toBe(false);
  });

  it('keeps the session when the refresh after a refusal cannot reach the server, and says why', async () => {
    const failure = new TypeError('Failed to fetch');
    const reported = deferred<unknown>();
    const hooks = session('expired', { refresh: vi.fn(() => Promise.reject(failure)) });
    client = createSocketClient<TestEvents>(hooks, { url, onError: (error) => reported.resolve(error) });

    await client.connect();

    await expect(reported.promise).resolves.toBe(failure);
    expect(hooks.expire).not.toHaveBeenCalled();
    expect(client.connected.value).toBe(false);
  });

  it('reconnects after the server drops it (revoked session), using the refreshed token', async () => {
    const hooks = session('good');
    hooks.refresh = vi.fn(async () => {
      hooks.token = 'rotated';
      return true;
    });
    validTokens.add('rotated');
    client = createSocketClient<TestEvents>(hooks, { url });
    const tokens: string[] = [];
    io.on('connection', (socket) => tokens.push(String(socket.handshake.auth.token)));
    await client.connect();
    await becomes(client.connected, true);

    io.disconnectSockets();
    await becomes(client.connected, false);
    await becomes(client.connected, true);

    expect(tokens).toEqual(['good', 'rotated']);
  });

  it('disconnects on request, and the server sees it go', async () => {
    client = createSocketClient<TestEvents>(session('good'), { url });
    const serverGone = new Promise<void>((gone) => io.on('connection', (socket) => socket.on('disconnect', () => gone())));
    await client.connect();
    await becomes(client.connected, true);

    client.disconnect();

    expect(client.connected.value).toBe(false);
    await serverGone;
  });
});

describe('provideSocket and useSocketEvents', () => {
  it('opens the socket on sign-in, closes it on sign-out, and drops listeners with their scope', async () => {
    const token = ref<string | null>(null);
    const hooks = { accessToken: () => token.value, refresh: vi.fn(async () => false), expire: vi.fn() };
    const app = createApp({ render: () => null });
    const errors: unknown[] = [];
    client = provideSocket(app, hooks, (error) => errors.push(error), url);
    const seen: number[] = [];
    const first = deferred<void>();
    const scope = effectScope();
    app.runWithContext(() =>
      scope.run(() =>
        useSocketEvents<TestEvents>().on('job.progress', ({ value }) => {
          seen.push(value);
          first.resolve();
        }),
      ),
    );
    const second = deferred<void>();
    client.on('job.progress', ({ value }) => value === 2 && second.resolve());

    expect(client.connected.value).toBe(false);
    token.value = 'good';
    await becomes(client.connected, true);
    io.emit('job.progress', { jobId: 'j1', value: 1 });
    await first.promise;
    scope.stop();
    io.emit('job.progress', { jobId: 'j1', value: 2 });
    await second.promise;
    token.value = null;
    await becomes(client.connected, false);

    expect(seen).toEqual([1]);
    expect(errors).toEqual([]);
  });
});
