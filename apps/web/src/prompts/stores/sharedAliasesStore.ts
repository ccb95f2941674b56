import { defineStore } from 'pinia';
import { ref } from 'vue';
import { aliasSchema, SHARED_ALIAS_PAGE_DEFAULT, sharedAliasCategoryCopySchema, sharedAliasCategoryListSchema, sharedAliasListSchema } from '@app/shared/contracts/api/aliases';
import type { Alias, CopySharedAliasCategory, SharedAliasCategory, SharedAliasCategoryCopy } from '@app/shared/contracts/api/aliases';
import { request } from '../../api/http';
import { useCursorPages } from '../../api/useCursorPages';
import { useRemoteList } from '../../api/useRemoteList';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { useAliasesStore } from './aliasesStore';

/**
 * Other people's shared aliases (U-5, A-8): read-only, searched by key and text, copied into one's
 * own one by one or a category at a time.
 */
export const useSharedAliasesStore = defineStore('sharedAliases', () => {
  const aliases = useAliasesStore();
  const query = ref('');
  const pages = useCursorPages(
    (cursor) =>
      request('GET', '/aliases/shared', {
        query: { limit: String(SHARED_ALIAS_PAGE_DEFAULT), ...(query.value ? { q: query.value } : {}), ...(cursor ? { cursor } : {}) },
        schema: sharedAliasListSchema,
      }),
    (alias) => alias.id,
  );
  const { items, state, nextCursor, isLoadingMore, loadMore } = pages;

  /** The first page for `search`. */
  function load(search = query.value): Promise<void> {
    query.value = search.trim();
    return pages.load();
  }

  /** A private copy under the same key; 409 when the user already has that key. */
  async function copy(id: string): Promise<Alias> {
    const alias = await request('POST', `/aliases/${id}/copy`, { body: {}, schema: aliasSchema });
    aliases.put(alias);
    return alias;
  }

  // An owner's category is one row, and its ownerKey (one of its aliases) is unique to it.
  const categoryList = useRemoteList(async () => {
    const list = await request('GET', '/aliases/shared/categories', { ...(query.value ? { query: { q: query.value } } : {}), schema: sharedAliasCategoryListSchema });
    return list.items.map((item) => ({ ...item, id: item.ownerKey }));
  });

  /** Others' categories holding shared aliases, searched by category and owner. */
  function loadCategories(search = query.value): Promise<void> {
    query.value = search.trim();
    return categoryList.load();
  }

  /** Copies the category's shared aliases into the user's own in one go; the report says what was left out. */
  async function copyCategory(item: SharedAliasCategory, onClash: CopySharedAliasCategory['onClash']): Promise<SharedAliasCategoryCopy> {
    const body: CopySharedAliasCategory = { ownerKey: item.ownerKey, category: item.category, onClash };
    const report = await request('POST', '/aliases/shared/categories/copy', { body, schema: sharedAliasCategoryCopySchema });
    aliases.put(...report.copied);
    return report;
  }

  resetOnUserChange(() => {
    pages.clear();
    categoryList.items.value = [];
    categoryList.state.value = { status: 'idle' };
    query.value = '';
  });

  return {
    items,
    state,
    nextCursor,
    isLoadingMore,
    query,
    load,
    loadMore,
    copy,
    categories: categoryList.items,
    categoriesState: categoryList.state,
    loadCategories,
    copyCategory,
  };
});
