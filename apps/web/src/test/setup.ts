import { cleanup, configure } from '@testing-library/vue';
import { afterEach } from 'vitest';

// Dialogs and screens are lazy chunks: the first open in a file waits for vite to transform them,
// which on a busy two-core machine can pass the default second.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  cleanup();
  if (typeof window !== 'undefined') localStorage.clear();
});

// jsdom has no layout: the router's scroll restoration would warn about it on every navigation.
// (The socket tests run in the node environment, without a window.)
if (typeof window !== 'undefined') window.scrollTo = () => undefined;

// jsdom's Blob has no text(); browsers (N-15) all do. Read it the way jsdom can.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.text !== 'function') {
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsText(this);
    });
  };
}

// jsdom has no PointerEvent: give it one with MouseEvent's coordinates and the pointer's kind, so
// swipes and touch long-presses can be tested.
if (typeof window !== 'undefined' && typeof window.PointerEvent === 'undefined') {
  class JsdomPointerEvent extends MouseEvent {
    readonly pointerType: string;
    readonly pointerId: number;

    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerType = init.pointerType ?? 'mouse';
      this.pointerId = init.pointerId ?? 1;
    }
  }
  Object.defineProperty(window, 'PointerEvent', { value: JsdomPointerEvent });
}
