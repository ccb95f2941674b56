import { nextTick, onBeforeUnmount, watch } from 'vue';
import type { Ref } from 'vue';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

/**
 * A modal's keyboard contract (N-12): focus moves in when it opens and back to where it was when it
 * closes; Tab wraps inside; Escape asks to close. Bind `onKeydown` to the modal's root element.
 */
export function useFocusTrap(panel: Readonly<Ref<HTMLElement | null>>, isOpen: () => boolean, close: () => void): { onKeydown: (event: KeyboardEvent) => void } {
  let returnFocusTo: HTMLElement | null = null;

  function focusables(): HTMLElement[] {
    return panel.value ? [...panel.value.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  watch(
    isOpen,
    async (open) => {
      if (open) {
        returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        await nextTick();
        (focusables()[0] ?? panel.value)?.focus();
      } else {
        returnFocusTo?.focus();
        returnFocusTo = null;
      }
    },
    { immediate: true },
  );

  onBeforeUnmount(() => returnFocusTo?.focus());

  return { onKeydown };
}
