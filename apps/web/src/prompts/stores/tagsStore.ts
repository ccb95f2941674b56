import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { tagCategoryListSchema, tagPageSchema, tagValidationSchema } from '@app/shared/contracts/api/tags';
import type { Tag, TagCategoryList, TagPage, TagValidation } from '@app/shared/contracts/api/tags';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';

/** T-5: at most ten suggestions. */
const TAG_SUGGESTION_LIMIT = 10;
/** Autocomplete answers kept, so typing back and forth asks the server once per word. */
const SUGGESTION_CACHE_SIZE = 200;

export interface TagSearch {
  q: string;
  category?: string | undefined;
  sort?: 'count' | 'alpha';
  minCount?: number | undefined;
  limit?: number;
  cursor?: string | null;
}

function searchParams(search: TagSearch): Record<string, string> {
  const params: Record<string, string> = { q: search.q };
  if (search.category) params.category = search.category;
  if (search.sort) params.sort = search.sort;
  if (search.minCount !== undefined && search.minCount > 0) params.minCount = String(search.minCount);
  if (search.limit !== undefined) params.limit = String(search.limit);
  if (search.cursor) params.cursor = search.cursor;
  return params;
}

/** The server-wide tag list (§4.3): search, categories, advisory validation. Nobody's private data. */
export const useTagsStore = defineStore('tags', () => {
  const categories = shallowRef<TagCategoryList | null>(null);
  const categoriesState = ref<LoadState>({ status: 'idle' });
  const suggestions = new Map<string, Tag[]>();

  /** One page of T-4's search. */
  function search(query: TagSearch): Promise<TagPage> {
    return request('GET', '/tags', { query: searchParams(query), schema: tagPageSchema });
  }

  /** T-5's ten suggestions for what is under the caret, from a small cache when asked before. */
  async function suggest(q: string): Promise<Tag[]> {
    const key = q.trim().toLowerCase();
    const known = suggestions.get(key);
    if (known) return known;
    const page = await search({ q: key, limit: TAG_SUGGESTION_LIMIT });
    if (suggestions.size >= SUGGESTION_CACHE_SIZE) suggestions.delete(suggestions.keys().next().value ?? '');
    suggestions.set(key, page.items);
    return page.items;
  }

  async function loadCategories(): Promise<void> {
    if (categoriesState.value.status === 'ready' || categoriesState.value.status === 'loading') return;
    categoriesState.value = { status: 'loading' };
    try {
      categories.value = await request('GET', '/tags/categories', { schema: tagCategoryListSchema });
      categoriesState.value = { status: 'ready' };
    } catch (error) {
      categoriesState.value = { status: 'error', message: describeError(error) };
    }
  }

  /** T-7: unknown tags with up to eight suggestions each. Advisory: callers never block on it. */
  function validate(text: string): Promise<TagValidation> {
    return request('POST', '/tags/validate', { body: { text }, schema: tagValidationSchema });
  }

  /** After the list was replaced: suggestions are asked again, and categories read again if shown. */
  function forget(): void {
    suggestions.clear();
    const wereLoaded = categoriesState.value.status !== 'idle';
    categoriesState.value = { status: 'idle' };
    if (wereLoaded) void loadCategories();
  }

  return { categories, categoriesState, search, suggest, loadCategories, validate, forget };
});
