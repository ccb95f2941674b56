import { readonly, ref, watch } from 'vue';
import type { App, InjectionKey, Ref } from 'vue';
import type { Socket } from 'socket.io-client';
import type { SessionHooks } from './http';

/** Event name → listener signature. The concrete map will come from `contracts/socket-events.ts`. */
export type EventMap = { [event: string]: (...args: never[]) => void };

type Listener = EventMap[string];

export const SOCKET_PATH = '/api/socket.io';

export interface SocketClient<Events extends EventMap = EventMap> {
  /** True while the live connection is up. */
  readonly connected: Readonly<Ref<boolean>>;
  /** Opens the one connection (no-op when already open); the token goes in the handshake, never the URL (S-19). */
  connect(): Promise<void>;
  disconnect(): void;
  /** Subscribes; the returned function unsubscribes. Works before `connect` too. */
  on<E extends keyof Events & string>(event: E, listener: Events[E]): () => void;
  off<E extends keyof Events & string>(event: E, listener: Events[E]): void;
}

export const socketKey: InjectionKey<SocketClient> = Symbol('socket');

export interface SocketClientOptions {
  /** The api origin; the page's own origin when omitted. */
  url?: string;
  /** Told when a refresh after a refusal could not reach the server (the socket stays down). */
  onError?: (error: unknown) => void;
}

/**
 * One Socket.IO connection for the signed-in user. Reconnects read the current access token, so
 * a refreshed token is used automatically. When the server refuses the socket (expired token) or
 * drops it (revoked session), the session is refreshed once and the socket retried; if there is no
 * session left, the session expires.
 */
export function createSocketClient<Events extends EventMap = EventMap>(
  session: SessionHooks,
  { url, onError }: SocketClientOptions = {},
): SocketClient<Events> {
  const connected = ref(false);
  const listeners = new Map<string, Set<Listener>>();
  let socket: Socket<EventMap> | null = null;
  let isWanted = false;
  let hasRetried = false;

  async function recover(refused: Socket<EventMap>): Promise<void> {
    if (hasRetried) return;
    hasRetried = true;
    let hasSession: boolean;
    try {
      hasSession = await session.refresh();
    } catch (error) {
      onError?.(error);
      return;
    }
    if (!hasSession) session.expire();
    else if (socket === refused) refused.connect();
  }

  function watchConnection(created: Socket<EventMap>): void {
    created.on('connect', () => {
      connected.value = true;
      hasRetried = false;
    });
    created.on('disconnect', (reason) => {
      connected.value = false;
      if (reason === 'io server disconnect') void recover(created);
    });
    // A refusal by the server's auth middleware leaves the socket inactive: socket.io will not retry by itself.
    created.on('connect_error', () => {
      if (!created.active) void recover(created);
    });
  }

  async function connect(): Promise<void> {
    isWanted = true;
    if (socket) return;
    const { io } = await import('socket.io-client');
    if (socket || !isWanted) return;
    const options = {
      path: SOCKET_PATH,
      autoConnect: false,
      auth: (send: (payload: { token: string }) => void) => send({ token: session.accessToken() ?? '' }),
    };
    const created: Socket<EventMap> = url === undefined ? io(options) : io(url, options);
    watchConnection(created);
    for (const [event, set] of listeners) for (const listener of set) created.on(event, listener);
    socket = created;
    hasRetried = false;
    created.connect();
  }

  function disconnect(): void {
    isWanted = false;
    socket?.disconnect();
    socket = null;
    connected.value = false;
  }

  function off<E extends keyof Events & string>(event: E, listener: Events[E]): void {
    // Widened to plain strings so socket.io's reserved-event overloads do not apply.
    const name: string = event;
    const untyped: Listener = listener;
    listeners.get(name)?.delete(untyped);
    socket?.off(name, untyped);
  }

  function on<E extends keyof Events & string>(event: E, listener: Events[E]): () => void {
    const name: string = event;
    const untyped: Listener = listener;
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(untyped);
    listeners.set(name, set);
    socket?.on(name, untyped);
    return () => off(event, listener);
  }

  return { connected: readonly(connected), connect, disconnect, on, off };
}

/**
 * Gives the app its one socket (inject with `socketKey`), open exactly while the session has an
 * access token: it connects after sign-in and disconnects on sign-out.
 */
export function provideSocket(app: App, session: SessionHooks, onError: (error: unknown) => void, url?: string): SocketClient {
  const client = createSocketClient(session, { url, onError });
  app.provide(socketKey, client);
  watch(
    () => session.accessToken() !== null,
    (isSignedIn) => {
      if (isSignedIn) client.connect().catch(onError);
      else client.disconnect();
    },
    { immediate: true },
  );
  return client;
}
