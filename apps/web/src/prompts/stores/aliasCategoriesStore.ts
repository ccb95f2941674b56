import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { aliasCategoryListSchema, aliasCategorySchema } from '@app/shared/contracts/api/aliases';
import type { AliasCategory } from '@app/shared/contracts/api/aliases';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { useAliasesStore } from './aliasesStore';

function byPosition(list: readonly AliasCategory[]): AliasCategory[] {
  return [...list].sort((a, b) => a.position - b.position);
}

/**
 * The user's ordered alias categories. Counts shown on screen come from the aliases
 * themselves, which the aliases store keeps current; the server's counts are only as fresh as the
 * last read.
 */
export const useAliasCategoriesStore = defineStore('aliasCategories', () => {
  const aliases = useAliasesStore();
  const items = shallowRef<AliasCategory[]>([]);
  const state = ref<LoadState>({ status: 'idle' });

  async function load(): Promise<void> {
    state.value = { status: 'loading' };
    try {
      const list = await request('GET', '/alias-categories', { schema: aliasCategoryListSchema });
      items.value = byPosition(list.items);
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  async function ensureLoaded(): Promise<void> {
    if (state.value.status === 'idle' || state.value.status === 'error') await load();
  }

  /** A category named in an alias edit is created by the server; read the list again to show it. */
  async function noteName(name: string | null): Promise<void> {
    if (name && !items.value.some((category) => category.name.toLowerCase() === name.toLowerCase())) await load();
  }

  async function create(name: string): Promise<AliasCategory> {
    const category = await request('POST', '/alias-categories', { body: { name }, schema: aliasCategorySchema });
    items.value = byPosition([...items.value, category]);
    return category;
  }

  /** The server rewrites the keys of the category's aliases, so the aliases are read again too. */
  async function rename(id: string, name: string): Promise<void> {
    const category = await request('PATCH', `/alias-categories/${id}`, { body: { name }, schema: aliasCategorySchema });
    items.value = items.value.map((existing) => (existing.id === id ? category : existing));
    await aliases.loadAll();
  }

  /** 409 while the category holds aliases: the caller shows the server's message. */
  async function remove(id: string): Promise<void> {
    await request('DELETE', `/alias-categories/${id}`);
    items.value = items.value.filter((existing) => existing.id !== id);
  }

  /** Moves the category at `from` to `to` and stores the whole order. */
  async function move(from: number, to: number): Promise<void> {
    const order = [...items.value];
    const [moved] = order.splice(from, 1);
    if (!moved || to < 0 || to > order.length) return;
    order.splice(to, 0, moved);
    const list = await request('PUT', '/alias-categories/order', { body: { ids: order.map((category) => category.id) }, schema: aliasCategoryListSchema });
    items.value = byPosition(list.items);
  }

  resetOnUserChange(() => {
    items.value = [];
    state.value = { status: 'idle' };
  });

  return { items, state, load, ensureLoaded, noteName, create, rename, remove, move };
});
