import { ref, watch } from 'vue';
import { watchDebounced } from '@vueuse/core';
import { useCursorPages } from '../../api/useCursorPages';
import { useTagsStore } from '../stores/tagsStore';

/** Tags per page of the browser (T-8); the next page loads as the end comes into view. */
const TAG_BROWSER_PAGE = 50;
/** Typing pauses this long before the search runs. */
const TAG_BROWSER_DELAY_MS = 250;

/**
 * T-8's browser state: search, category, sort (popular / A–Z), minimum count, and the pages read
 * so far. A change of any filter starts again from the first page.
 */
export function useTagBrowser() {
  const tags = useTagsStore();
  const query = ref('');
  const category = ref('');
  const sort = ref<'count' | 'alpha'>('count');
  const minCount = ref<number | null>(null);
  const pages = useCursorPages(
    (cursor) => tags.search({ q: query.value.trim(), category: category.value || undefined, sort: sort.value, minCount: minCount.value ?? undefined, limit: TAG_BROWSER_PAGE, cursor }),
    (tag) => tag.name,
  );

  watch([category, sort, minCount], pages.load);
  watchDebounced(query, pages.load, { debounce: TAG_BROWSER_DELAY_MS });

  return { query, category, sort, minCount, ...pages };
}
