import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Text the browser would not copy for us, shown selected so the user can copy it by hand. */
export const useManualCopyStore = defineStore('manualCopy', () => {
  const text = ref<string | null>(null);

  function offer(value: string): void {
    text.value = value;
  }

  function close(): void {
    text.value = null;
  }

  return { text, offer, close };
});
