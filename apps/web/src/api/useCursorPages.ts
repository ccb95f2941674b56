import { ref, shallowRef } from 'vue';
import type { Ref, ShallowRef } from 'vue';
import { describeError } from './api-error';
import type { LoadState } from './load-state';

/** One page of a keyset-paged list, as the api answers. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorPages<T> {
  items: ShallowRef<T[]>;
  state: Ref<LoadState>;
  nextCursor: Ref<string | null>;
  isLoadingMore: Ref<boolean>;
  /** Reads the first page again; a failure lands in `state`. An earlier, slower answer is dropped. */
  load(): Promise<void>;
  /** Appends the next page (items already listed are skipped); a failure is thrown to the caller. */
  loadMore(): Promise<void>;
  /** Forgets everything; answers still on their way are dropped. */
  clear(): void;
}

/**
 * A list read page by page with the api's cursors (gallery, shared aliases, tags). `fetchPage`
 * reads the current filters itself, so a changed filter is a `load()` away.
 */
export function useCursorPages<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>, keyOf: (item: T) => string): CursorPages<T> {
  const items = shallowRef<T[]>([]);
  const state = ref<LoadState>({ status: 'idle' });
  const nextCursor = ref<string | null>(null);
  const isLoadingMore = ref(false);
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    state.value = { status: 'loading' };
    try {
      const page = await fetchPage(null);
      if (mine !== generation) return;
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      state.value = { status: 'ready' };
    } catch (error) {
      if (mine === generation) state.value = { status: 'error', message: describeError(error) };
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value || isLoadingMore.value) return;
    const mine = generation;
    isLoadingMore.value = true;
    try {
      const page = await fetchPage(nextCursor.value);
      if (mine !== generation) return;
      const known = new Set(items.value.map(keyOf));
      items.value = [...items.value, ...page.items.filter((item) => !known.has(keyOf(item)))];
      nextCursor.value = page.nextCursor;
    } finally {
      isLoadingMore.value = false;
    }
  }

  function clear(): void {
    generation += 1;
    items.value = [];
    nextCursor.value = null;
    state.value = { status: 'idle' };
  }

  return { items, state, nextCursor, isLoadingMore, load, loadMore, clear };
}
