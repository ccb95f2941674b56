import { afterEach, vi } from 'vitest';
import type { Mock } from 'vitest';

/**
 * A browser clipboard for the test (jsdom has none): `navigator.clipboard.writeText` records what
 * was copied. The permissions query answers like Firefox's ("unknown permission"), which leaves
 * the decision to the clipboard API itself. Removed after each test.
 */
export function fakeClipboard(): Mock<(text: string) => Promise<void>> {
  const writeText = vi.fn((_text: string) => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  Object.defineProperty(navigator, 'permissions', { configurable: true, value: { query: () => Promise.reject(new Error('unknown permission')) } });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    Reflect.deleteProperty(navigator, 'permissions');
  });
  return writeText;
}

/**
 * The copy path a plain-HTTP page has instead (jsdom, like a LAN address, has no clipboard API):
 * `document.execCommand('copy')` answers `allowed`, and when allowed records the text selected in
 * the focused field, which is what a browser copies. Removed after each test.
 */
export function selectionCopy(allowed: boolean): string[] {
  const copied: string[] = [];
  const execCommand = (command: string): boolean => {
    const field = document.activeElement;
    if (command !== 'copy' || !allowed) return false;
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) copied.push(field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0));
    return true;
  };
  Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand });
  afterEach(() => {
    Reflect.deleteProperty(document, 'execCommand');
  });
  return copied;
}
