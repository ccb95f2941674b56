import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useLocalStorage, usePreferredDark } from '@vueuse/core';

export const THEMES = ['dark', 'light', 'system'] as const;
export type ThemePreference = (typeof THEMES)[number];

const THEME_KEY = 'cozy-studio.theme';
const TAG_SPACES_KEY = 'cozy-studio.tag-spaces';

function isTheme(value: unknown): value is ThemePreference {
  return THEMES.some((theme) => theme === value);
}

/**
 * Display and writing preferences. For now they live in this browser (localStorage); U-8 moves
 * them to the server so they follow the user. Dark is the default; tags go in as written (`_`).
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const theme = useLocalStorage<ThemePreference>(THEME_KEY, 'dark', {
    serializer: { read: (raw) => (isTheme(raw) ? raw : 'dark'), write: (value) => value },
  });
  const prefersDark = usePreferredDark();
  const resolvedTheme = computed<'dark' | 'light'>(() => (theme.value === 'system' ? (prefersDark.value ? 'dark' : 'light') : theme.value));

  /** U-8 / T-6: autocomplete writes `long hair` instead of `long_hair`. */
  const tagSpaces = useLocalStorage<boolean>(TAG_SPACES_KEY, false, {
    serializer: { read: (raw) => raw === 'true', write: (value) => String(value) },
  });

  function setTheme(next: ThemePreference): void {
    theme.value = next;
  }

  function setTagSpaces(isOn: boolean): void {
    tagSpaces.value = isOn;
  }

  return { theme, resolvedTheme, tagSpaces, setTheme, setTagSpaces };
});
