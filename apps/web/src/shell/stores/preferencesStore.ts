import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useLocalStorage, usePreferredDark } from '@vueuse/core';

export const THEMES = ['dark', 'light', 'system'] as const;
export type ThemePreference = (typeof THEMES)[number];

const THEME_KEY = 'cozy-studio.theme';

function isTheme(value: unknown): value is ThemePreference {
  return THEMES.some((theme) => theme === value);
}

/**
 * Display preferences. For now they live in this browser (localStorage); U-8 moves them to the
 * server so they follow the user. Dark is the default.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const theme = useLocalStorage<ThemePreference>(THEME_KEY, 'dark', {
    serializer: { read: (raw) => (isTheme(raw) ? raw : 'dark'), write: (value) => value },
  });
  const prefersDark = usePreferredDark();
  const resolvedTheme = computed<'dark' | 'light'>(() => (theme.value === 'system' ? (prefersDark.value ? 'dark' : 'light') : theme.value));

  function setTheme(next: ThemePreference): void {
    theme.value = next;
  }

  return { theme, resolvedTheme, setTheme };
});
