/** P-1 limits. */
export const PRESET_NAME_MAX = 80;
export const MAX_PRESETS_PER_WORKFLOW = 200;
/** The values of one preset, as JSON text in UTF-8. */
export const MAX_PRESET_VALUES_BYTES = 64 * 1024;

/**
 * Bytes of a value written as JSON in UTF-8 (what P-1's 64 KB limit counts).
 * @example jsonBytes({ Prompt: 'fox' }) === 16
 * @example jsonBytes('é') === 4
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The key a preset name is unique by (P-1, P-2: ignoring case).
 * @example presetNameKey('  Night Walk ') === 'night walk'
 */
export function presetNameKey(name: string): string {
  return name.trim().toLowerCase();
}
