import { defineStore } from 'pinia';
import { ref } from 'vue';
import { aliasSchema, SHARED_ALIAS_PAGE_DEFAULT, sharedAliasListSchema } from '@app/shared/contracts/api/aliases';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { request } from '../../api/http';
import { useCursorPages } from '../../api/useCursorPages';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { useAliasesStore } from './aliasesStore';

/** Other people's shared aliases (U-5, A-8): read-only, searched by key and text, copied into one's own. */
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

  resetOnUserChange(() => {
    pages.clear();
    query.value = '';
  });

  return { items, state, nextCursor, isLoadingMore, query, load, loadMore, copy };
});
