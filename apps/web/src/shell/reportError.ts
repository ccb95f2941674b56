import { useToastStore } from './stores/toastStore';

/**
 * The one place the web client reports an error nobody else handled: the user sees a toast;
 * an unexpected (non-API) error also goes to the console for whoever debugs it.
 */
export function reportError(error: unknown): void {
  useToastStore().showError(error);
}
