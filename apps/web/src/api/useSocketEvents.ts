import { inject, onScopeDispose, watch } from 'vue';
import type { Ref } from 'vue';
import type { EventMap } from './socket';
import { socketKey } from './socket';

export interface SocketEvents<Events extends EventMap> {
  connected: Readonly<Ref<boolean>>;
  /** Listens for as long as the calling component (or effect scope) lives. */
  on<E extends keyof Events & string>(event: E, listener: Events[E]): void;
  /** Runs `listener` each time the socket (re)connects while the caller lives: what was sent while it was down never comes. */
  onConnect(listener: () => void): void;
}

/**
 * Subscriptions to the app's socket (see `provideSocket`) that clean themselves up. The caller's
 * event map names what the server sends; it becomes `contracts/socket-events.ts` once that exists.
 */
export function useSocketEvents<Events extends EventMap = EventMap>(): SocketEvents<Events> {
  const client = inject(socketKey);
  if (!client) throw new Error('useSocketEvents needs provideSocket to have run on the app');
  return {
    connected: client.connected,
    on: (event, listener) => onScopeDispose(client.on(event, listener)),
    onConnect: (listener) => {
      watch(client.connected, (isConnected) => {
        if (isConnected) listener();
      });
    },
  };
}
