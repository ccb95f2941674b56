import { readonly, ref } from 'vue';
import type { SocketEventName, SocketEventPayload } from '@app/shared/contracts/socket-events';
import type { EventMap, SocketClient } from '../api/socket';

type Listener = EventMap[string];

/** The app's socket port with the server's side in the test's hands: it delivers events and flips the connection. */
export interface FakeSocket extends SocketClient {
  /** Delivers an event as the server would send it. */
  emit<E extends SocketEventName>(event: E, payload: SocketEventPayload<E>): void;
  setConnected(isConnected: boolean): void;
}

/**
 * A socket client without a server (jsdom has none to reach): component tests drive job events
 * through it exactly as the live socket would, typed by the shared event map.
 */
export function fakeSocket(): FakeSocket {
  const connected = ref(false);
  const listeners = new Map<string, Set<Listener>>();
  const off = (event: string, listener: Listener): void => {
    listeners.get(event)?.delete(listener);
  };
  function emit<E extends SocketEventName>(event: E, payload: SocketEventPayload<E>): void {
    // The app registered these listeners for this event's payload (ServerToClientEvents[E]).
    for (const listener of listeners.get(event) ?? []) (listener as (received: SocketEventPayload<E>) => void)(payload);
  }
  return {
    connected: readonly(connected),
    connect: async () => {
      connected.value = true;
    },
    disconnect: () => {
      connected.value = false;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => off(event, listener);
    },
    off,
    emit,
    setConnected(isConnected) {
      connected.value = isConnected;
    },
  };
}
