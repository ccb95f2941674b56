import { watchEffect } from 'vue';
import { usePreferencesStore } from '../stores/preferencesStore';

/** Theme colours for the browser chrome; they match `--color-bg` in theme.css. */
const CHROME_COLOUR = { dark: '#14161b', light: '#f4f5f7' } as const;

/** Applies the chosen theme to the document (the `data-theme` attribute theme.css keys on). */
export function useThemeSync(): void {
  const preferences = usePreferencesStore();
  watchEffect(() => {
    const theme = preferences.resolvedTheme;
    document.documentElement.dataset.theme = theme;
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', CHROME_COLOUR[theme]);
  });
}
