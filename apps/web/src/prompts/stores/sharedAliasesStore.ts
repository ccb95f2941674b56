import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { z } from 'zod';
import { aliasSchema } from '@app/shared/contracts/api/aliases';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { useAliasesStore } from './aliasesStore';

/**
 * `GET /aliases/shared` (U-5). The api declares it in `apps/api/src/aliases/shared-aliases.dto.ts`,
 * which the web cannot import; this mirrors it until it moves to the shared alias contracts.
 */
export const sharedAliasSchema = aliasSchema
  .pick({ id: true, category: true, name: true, key: true, text: true, updatedAt: true })
  .extend({ ownerName: z.string() });
export type SharedAlias = z.infer<typeof sharedAliasSchema>;
const sharedAliasListSchema = z.object({ items: z.array(sharedAliasSchema), nextCursor: z.string().nullable() });

export const SHARED_ALIAS_PAGE = 50;

/** Other people's shared aliases (U-5, A-8): read-only, searched by key and text, copied into one's own. */
export const useSharedAliasesStore = defineStore('sharedAliases', () => {
  const aliases = useAliasesStore();
  const items = shallowRef<SharedAlias[]>([]);
  const state = ref<LoadState>({ status: 'idle' });
  const nextCursor = ref<string | null>(null);
  const isLoadingMore = ref(false);
  const query = ref('');
  let generation = 0;

  function params(cursor: string | null): Record<string, string> {
    return { limit: String(SHARED_ALIAS_PAGE), ...(query.value ? { q: query.value } : {}), ...(cursor ? { cursor } : {}) };
  }

  /** The first page for `search`; an earlier, slower answer is dropped. */
  async function load(search = query.value): Promise<void> {
    const mine = ++generation;
    query.value = search.trim();
    state.value = { status: 'loading' };
    try {
      const page = await request('GET', '/aliases/shared', { query: params(null), schema: sharedAliasListSchema });
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
      const page = await request('GET', '/aliases/shared', { query: params(nextCursor.value), schema: sharedAliasListSchema });
      if (mine !== generation) return;
      items.value = [...items.value, ...page.items];
      nextCursor.value = page.nextCursor;
    } finally {
      isLoadingMore.value = false;
    }
  }

  /** A private copy under the same key; 409 when the user already has that key. */
  async function copy(id: string): Promise<Alias> {
    const alias = await request('POST', `/aliases/${id}/copy`, { body: {}, schema: aliasSchema });
    aliases.put(alias);
    return alias;
  }

  resetOnUserChange(() => {
    items.value = [];
    state.value = { status: 'idle' };
    nextCursor.value = null;
    query.value = '';
  });

  return { items, state, nextCursor, isLoadingMore, query, load, loadMore, copy };
});
