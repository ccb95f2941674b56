import { ref, shallowRef, watch } from 'vue';
import { watchDebounced } from '@vueuse/core';
import type { Tag } from '@app/shared/contracts/api/tags';
import { describeError } from '../../api/api-error';
import type { LoadState } from '../../api/load-state';
import { useTagsStore } from '../stores/tagsStore';

/** Tags per page of the browser (T-8); the next page loads as the end comes into view. */
export const TAG_BROWSER_PAGE = 50;
/** Typing pauses this long before the search runs. */
export const TAG_BROWSER_DELAY_MS = 250;

/**
 * T-8's browser state: search, category, sort (popular / A–Z), minimum count, and the pages read
 * so far. A change of any filter starts again from the first page; a slower, older answer is dropped.
 */
export function useTagBrowser() {
  const tags = useTagsStore();
  const query = ref('');
  const category = ref('');
  const sort = ref<'count' | 'alpha'>('count');
  const minCount = ref<number | null>(null);
  const items = shallowRef<Tag[]>([]);
  const state = ref<LoadState>({ status: 'idle' });
  const nextCursor = ref<string | null>(null);
  const isLoadingMore = ref(false);
  let generation = 0;

  function page(cursor: string | null) {
    return tags.search({ q: query.value.trim(), category: category.value || undefined, sort: sort.value, minCount: minCount.value ?? undefined, limit: TAG_BROWSER_PAGE, cursor });
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    state.value = { status: 'loading' };
    try {
      const first = await page(null);
      if (mine !== generation) return;
      items.value = first.items;
      nextCursor.value = first.nextCursor;
      state.value = { status: 'ready' };
    } catch (error) {
      if (mine === generation) state.value = { status: 'error', message: describeError(error) };
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value || isLoadingMore.value || state.value.status !== 'ready') return;
    const mine = generation;
    isLoadingMore.value = true;
    try {
      const next = await page(nextCursor.value);
      if (mine !== generation) return;
      items.value = [...items.value, ...next.items];
      nextCursor.value = next.nextCursor;
    } catch (error) {
      if (mine === generation) state.value = { status: 'error', message: describeError(error) };
    } finally {
      isLoadingMore.value = false;
    }
  }

  watch([category, sort, minCount], load);
  watchDebounced(query, load, { debounce: TAG_BROWSER_DELAY_MS });

  return { query, category, sort, minCount, items, state, nextCursor, isLoadingMore, load, loadMore };
}

export type TagBrowser = ReturnType<typeof useTagBrowser>;
