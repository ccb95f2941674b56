import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { aliasSchema } from '@app/shared/contracts/api/aliases';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { request } from '../../api/http';
import { useCursorPages } from '../../api/useCursorPages';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { useAliasesStore } from './aliasesStore';

/**
 * `GET /aliases/shared` (U-5). The api declares it in `apps/api/src/aliases/shared-aliases.dto.ts`,
 * which the web cannot import; this mirrors it until it moves to the shared alias contracts.
 */
const sharedAliasSchema = aliasSchema
  .pick({ id: true, category: true, name: true, key: true, text: true, updatedAt: true })
  .extend({ ownerName: z.string() });
export type SharedAlias = z.infer<typeof sharedAliasSchema>;
const sharedAliasListSchema = z.object({ items: z.array(sharedAliasSchema), nextCursor: z.string().nullable() });

const SHARED_ALIAS_PAGE = 50;

/** Other people's shared aliases (U-5, A-8): read-only, searched by key and text, copied into one's own. */
export const useSharedAliasesStore = defineStore('sharedAliases', () => {
  const aliases = useAliasesStore();
  const query = ref('');
  const pages = useCursorPages(
    (cursor) =>
      request('GET', '/aliases/shared', {
        query: { limit: String(SHARED_ALIAS_PAGE), ...(query.value ? { q: query.value } : {}), ...(cursor ? { cursor } : {}) },
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
