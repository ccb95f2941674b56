import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { formatTagForPrompt } from '@app/shared/tags/autocomplete';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { usePreferencesStore } from '../../shell/stores/preferencesStore';

/**
 * T-8: the tags a user collected in the tag browser, in their order. It outlives the screen, so
 * tags collected under Prompts can be inserted from the composer of a form later.
 */
export const useTagCollectionStore = defineStore('tagCollection', () => {
  const preferences = usePreferencesStore();
  const names = ref<string[]>([]);
  /** The tags as they go into a prompt (T-6): escaped, with spaces if the user prefers them. */
  const written = computed(() => names.value.map((name) => formatTagForPrompt(name, { spaces: preferences.tagSpaces })));

  function has(name: string): boolean {
    return names.value.includes(name);
  }

  /** Tap to collect, tap again to let go. */
  function toggle(name: string): void {
    names.value = has(name) ? names.value.filter((known) => known !== name) : [...names.value, name];
  }

  function remove(name: string): void {
    names.value = names.value.filter((known) => known !== name);
  }

  function move(from: number, to: number): void {
    if (to < 0 || to >= names.value.length) return;
    const order = [...names.value];
    const [moved] = order.splice(from, 1);
    if (moved === undefined) return;
    order.splice(to, 0, moved);
    names.value = order;
  }

  function clear(): void {
    names.value = [];
  }

  resetOnUserChange(clear);

  return { names, written, has, toggle, remove, move, clear };
});
