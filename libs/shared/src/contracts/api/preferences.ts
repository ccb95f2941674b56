import { z } from 'zod';

export const THEMES = ['dark', 'light', 'system'] as const;
export const themeSchema = z.enum(THEMES);
export type ThemePreference = z.infer<typeof themeSchema>;

/** U-8: display and writing preferences that follow the user from device to device. */
export const preferencesSchema = z.object({
  theme: themeSchema,
  /** T-6: autocomplete writes `long hair` instead of `long_hair`. */
  tagSpaces: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { theme: 'dark', tagSpaces: false };

/** PATCH body: any of the preferences; the rest stay as stored. */
export const updatePreferencesSchema = z.strictObject(preferencesSchema.partial().shape);
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;
