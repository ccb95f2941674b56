import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Read from disk: vitest hands CSS imports (even `?raw`) to tests as empty strings.
const themeCss = readFileSync(join(import.meta.dirname, 'styles/theme.css'), 'utf8');

type Theme = 'dark' | 'light';

/** Custom properties of one theme block: the `:root` default (dark) or the light override. */
function tokens(theme: Theme): Map<string, string> {
  const selector = theme === 'dark' ? /(?:^|\n):root\s*\{([^}]*)\}/ : /:root\[data-theme='light'\]\s*\{([^}]*)\}/;
  const block = selector.exec(themeCss)?.[1] ?? '';
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const textPairs: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-raised'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-raised'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['on-accent', 'accent'],
  ['danger', 'surface'],
  ['danger', 'bg'],
  ['on-danger', 'danger'],
  ['success', 'surface'],
  ['warning', 'surface'],
  ['on-media', 'media-stage'],
  // Tag names are written in their category's colour (T-5).
  ...['general', 'artist', 'copyright', 'character', 'meta'].flatMap((tag): [string, string][] => [
    [`tag-${tag}`, 'surface'],
    [`tag-${tag}`, 'surface-raised'],
  ]),
];
const controlPairs: [string, string][] = [
  ['control-border', 'surface'],
  ['control-border', 'bg'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['accent', 'bg'],
];

describe.each(['dark', 'light'] as const)('N-12 contrast in the %s theme', (theme) => {
  const colours = tokens(theme);
  const colour = (name: string): string => {
    const value = colours.get(`color-${name}`);
    if (!value) throw new Error(`--color-${name} is missing from the ${theme} theme`);
    return value;
  };

  it.each(textPairs)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(controlPairs)('control edge %s on %s is at least 3:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });
});
