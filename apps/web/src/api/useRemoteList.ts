import { ref, shallowRef } from 'vue';
import type { Ref } from 'vue';
import { describeError } from './api-error';
import type { LoadState } from './load-state';

export interface RemoteList<T> {
  items: Ref<T[]>;
  state: Ref<LoadState>;
  /** Fetches the list; a failure lands in `state`, never thrown. */
  load(): Promise<void>;
  /** Replaces the item with the same id, keeping its position. */
  replace(item: T): void;
  /** Drops the item with this id. */
  drop(id: string): void;
}

/** The list-plus-load-state every store of server records needs. */
export function useRemoteList<T extends { id: string }>(fetchItems: () => Promise<T[]>): RemoteList<T> {
  // Replaced, never mutated in place, so a shallow ref is enough.
  const items = shallowRef<T[]>([]);
  const state = ref<LoadState>({ status: 'idle' });

  async function load(): Promise<void> {
    state.value = { status: 'loading' };
    try {
      items.value = await fetchItems();
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  function replace(item: T): void {
    items.value = items.value.map((existing) => (existing.id === item.id ? item : existing));
  }

  function drop(id: string): void {
    items.value = items.value.filter((existing) => existing.id !== id);
  }

  return { items, state, load, replace, drop };
}
