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
