import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ALIAS_PAGE_MAX, aliasListSchema } from '@app/shared/contracts/api/aliases';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { resetOnUserChange } from '../../auth/resetOnUserChange';

/** The user's aliases (§4.1), all of them, indexed for live prompt expansion in the browser. */
export const useAliasesStore = defineStore('aliases', () => {
  const items = shallowRef<Alias[]>([]);
  const state = ref<LoadState>({ status: 'idle' });
  const index = computed(() => buildAliasIndex(items.value));

  /** Every page (A-1 caps a user at 10,000 aliases, so at most ten reads). */
  async function loadAll(): Promise<void> {
    state.value = { status: 'loading' };
    try {
      const all: Alias[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: String(ALIAS_PAGE_MAX), ...(cursor ? { cursor } : {}) };
        const page = await request('GET', '/aliases', { query, schema: aliasListSchema });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      items.value = all;
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  /** Reads them once per session; later calls reuse the list. */
  async function ensureLoaded(): Promise<void> {
    if (state.value.status === 'idle' || state.value.status === 'error') await loadAll();
  }

  resetOnUserChange(() => {
    items.value = [];
    state.value = { status: 'idle' };
  });

  return { items, state, index, loadAll, ensureLoaded };
});
