import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import type { Alias } from '@app/shared/contracts/api/aliases';
import type { Tag } from '@app/shared/contracts/api/tags';
import { formatAliasToken } from '@app/shared/prompt/alias-syntax';
import { applyAliasCompletion, applyTagCompletion, findAliasToken, findTagToken } from '@app/shared/tags/autocomplete';
import type { CaretToken } from '@app/shared/tags/autocomplete';
import { usePreferencesStore } from '../../shell/stores/preferencesStore';
import { suggestAliases } from '../alias-suggestions';
import { useAliasesStore } from '../stores/aliasesStore';
import { useTagsStore } from '../stores/tagsStore';

export type PromptSuggestion = { kind: 'alias'; alias: Alias } | { kind: 'tag'; tag: Tag };

/** Typing pauses this long before the server is asked for tags (answers already cached come at once). */
const TAG_SEARCH_DELAY_MS = 120;

export interface PromptAutocomplete {
  suggestions: Ref<PromptSuggestion[]>;
  activeIndex: Ref<number>;
  isOpen: ComputedRef<boolean>;
  /** Looks at what is under the caret after the user typed. */
  update(text: string, caret: number): void;
  /** ↑ / ↓ through the list, wrapping. */
  move(step: 1 | -1): void;
  /** The text with suggestion `index` (the active one by default) written in, and where the caret goes. */
  accept(text: string, index?: number): { text: string; caret: number } | null;
  close(): void;
}

/**
 * Autocomplete for one prompt field: alias tokens after `$` from the user's aliases, tags
 * under the caret (T-5) from the server's list, inserted and T-6.
 */
export function usePromptAutocomplete(): PromptAutocomplete {
  const aliases = useAliasesStore();
  const tags = useTagsStore();
  const preferences = usePreferencesStore();
  const suggestions = shallowRef<PromptSuggestion[]>([]);
  const activeIndex = ref(0);
  const isOpen = computed(() => suggestions.value.length > 0);
  let token: CaretToken | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  function show(next: PromptSuggestion[]): void {
    suggestions.value = next;
    activeIndex.value = 0;
  }

  function close(): void {
    clearTimeout(timer);
    asked += 1;
    token = null;
    show([]);
  }

  async function searchTags(query: string, mine: number): Promise<void> {
    try {
      const found = await tags.suggest(query);
      if (mine === asked) show(found.map((tag) => ({ kind: 'tag', tag })));
    } catch {
      // Suggestions are a help, not a feature anyone waits on: a failed search shows none.
      if (mine === asked) show([]);
    }
  }

  function update(text: string, caret: number): void {
    clearTimeout(timer);
    const mine = ++asked;
    const alias = findAliasToken(text, caret);
    if (alias) {
      token = alias;
      const list = () => suggestAliases(aliases.items, alias.query, aliases.recentKeys).map((found): PromptSuggestion => ({ kind: 'alias', alias: found }));
      show(list());
      // The first `$` may come before the library has arrived: list it once it has.
      if (aliases.state.status !== 'ready') void aliases.ensureLoaded().then(() => mine === asked && show(list()));
      return;
    }
    const tag = findTagToken(text, caret);
    token = tag ?? null;
    if (!tag) {
      show([]);
      return;
    }
    timer = setTimeout(() => void searchTags(tag.query, mine), TAG_SEARCH_DELAY_MS);
  }

  function move(step: 1 | -1): void {
    const count = suggestions.value.length;
    if (count > 0) activeIndex.value = (activeIndex.value + step + count) % count;
  }

  function accept(text: string, index = activeIndex.value): { text: string; caret: number } | null {
    const chosen = suggestions.value[index];
    const at = token;
    close();
    if (!chosen || !at) return null;
    if (chosen.kind === 'alias') {
      aliases.noteUsed(chosen.alias.key);
      return applyAliasCompletion(text, at, formatAliasToken(chosen.alias.category, chosen.alias.name));
    }
    return applyTagCompletion(text, at, chosen.tag.name, { spaces: preferences.tagSpaces });
  }

  onScopeDispose(() => clearTimeout(timer));

  return { suggestions, activeIndex, isOpen, update, move, accept, close };
}
