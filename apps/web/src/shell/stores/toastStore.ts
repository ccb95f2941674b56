import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError, describeError } from '../../api/api-error';
import type { Toast, ToastAction, ToastTone } from '../../ui/toast';

/** How long a non-error toast stays; errors stay until dismissed so nobody misses them. */
const TOAST_MS = 5000;
/** A toast with an action (Undo) stays longer, so there is time to reach it. */
const ACTION_TOAST_MS = 10_000;
const MAX_TOASTS = 4;

/** Short notices shown over every screen. */
export const useToastStore = defineStore('toast', () => {
  const toasts = ref<Toast[]>([]);
  let nextId = 1;

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id);
  }

  function show(message: string, tone: ToastTone = 'info', action?: ToastAction): void {
    const id = nextId++;
    toasts.value = [...toasts.value, { id, message, tone, ...(action ? { action } : {}) }].slice(-MAX_TOASTS);
    if (tone !== 'error') setTimeout(() => dismiss(id), action ? ACTION_TOAST_MS : TOAST_MS);
  }

  /** An error as a toast; an unexpected (non-API) one also goes to the console for whoever debugs it. */
  function showError(error: unknown): void {
    show(describeError(error), 'error');
    if (!(error instanceof ApiError)) console.error(error);
  }

  /** Runs the toast's action once: the toast closes first, so a second press finds nothing. */
  async function runAction(id: number): Promise<void> {
    const action = toasts.value.find((toast) => toast.id === id)?.action;
    if (!action) return;
    dismiss(id);
    try {
      await action.run();
    } catch (error) {
      showError(error);
    }
  }

  return { toasts, show, showError, dismiss, runAction };
});
