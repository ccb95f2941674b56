import { nextTick, onMounted, watch } from 'vue';
import type { Ref, WatchSource } from 'vue';

/** J-1's auto-growing textarea: it grows with its text, so the page scrolls rather than the box. */
export function useAutoGrow(area: Readonly<Ref<HTMLTextAreaElement | HTMLInputElement | null>>, text: WatchSource<string>): void {
  function fit(): void {
    const element = area.value;
    if (!(element instanceof HTMLTextAreaElement)) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }

  onMounted(fit);
  watch(text, () => nextTick(fit));
}
