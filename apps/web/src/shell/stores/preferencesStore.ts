import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useLocalStorage, usePreferredDark } from '@vueuse/core';
import { DEFAULT_PREFERENCES, preferencesSchema, themeSchema } from '@app/shared/contracts/api/preferences';
import type { Preferences, ThemePreference } from '@app/shared/contracts/api/preferences';
import { request } from '../../api/http';
import { useAuthStore } from '../../auth/stores/authStore';
import { reportError } from '../reportError';

const THEME_KEY = 'cozy-studio.theme';

/**
 * U-8: the signed-in user's preferences, kept on the server so they follow them. The theme is
 * also cached in this browser (the only thing kept here) so the first paint and the signed-out
 * screens use the last theme shown instead of flashing dark; the account's own replaces it
 * once read after sign-in. Changes apply at once and are undone if the server refuses them.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const auth = useAuthStore();
  const cachedTheme = useLocalStorage<ThemePreference>(THEME_KEY, DEFAULT_PREFERENCES.theme, {
    serializer: { read: (raw) => themeSchema.catch(DEFAULT_PREFERENCES.theme).parse(raw), write: (value) => value },
  });
  const preferences = ref<Preferences>({ ...DEFAULT_PREFERENCES, theme: cachedTheme.value });
  watch(
    () => preferences.value.theme,
    (theme) => {
      cachedTheme.value = theme;
    },
  );

  const theme = computed(() => preferences.value.theme);
  const prefersDark = usePreferredDark();
  const resolvedTheme = computed<'dark' | 'light'>(() => (theme.value === 'system' ? (prefersDark.value ? 'dark' : 'light') : theme.value));
  /** T-6: autocomplete writes `long hair` instead of `long_hair`. */
  const tagSpaces = computed(() => preferences.value.tagSpaces);

  /** A new user (or none) never keeps the previous one's settings; the cached theme stays until theirs arrives. */
  watch(
    () => auth.user?.id,
    async (userId) => {
      preferences.value = { ...DEFAULT_PREFERENCES, theme: preferences.value.theme };
      if (!userId) return;
      try {
        const stored = await request('GET', '/auth/me/preferences', { schema: preferencesSchema });
        if (auth.user?.id === userId) preferences.value = stored;
      } catch (error) {
        if (auth.user?.id === userId) reportError(error);
      }
    },
    { immediate: true },
  );

  async function change<K extends keyof Preferences>(key: K, value: Preferences[K]): Promise<void> {
    const before = preferences.value[key];
    preferences.value[key] = value;
    if (!auth.user) return;
    try {
      await request('PATCH', '/auth/me/preferences', { body: { [key]: value }, schema: preferencesSchema });
    } catch (error) {
      if (preferences.value[key] === value) preferences.value[key] = before;
      reportError(error);
    }
  }

  function setTheme(next: ThemePreference): Promise<void> {
    return change('theme', next);
  }

  function setTagSpaces(isOn: boolean): Promise<void> {
    return change('tagSpaces', isOn);
  }

  return { theme, resolvedTheme, tagSpaces, setTheme, setTagSpaces };
});
