import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Toast, ToastTone } from '../../ui/toast';

/** How long a non-error toast stays; errors stay until dismissed so nobody misses them. */
const TOAST_MS = 5000;
const MAX_TOASTS = 4;

/** Short notices shown over every screen. */
export const useToastStore = defineStore('toast', () => {
  const toasts = ref<Toast[]>([]);
  let nextId = 1;

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id);
  }

  function show(message: string, tone: ToastTone = 'info'): void {
    const id = nextId++;
    toasts.value = [...toasts.value, { id, message, tone }].slice(-MAX_TOASTS);
    if (tone !== 'error') setTimeout(() => dismiss(id), TOAST_MS);
  }

  return { toasts, show, dismiss };
});
