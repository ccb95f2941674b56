import { ApiError, describeError } from '../api/api-error';
import { useToastStore } from './stores/toastStore';

/**
 * The one place the web client reports an error nobody else handled: the user sees a toast;
 * an unexpected (non-API) error also goes to the console for whoever debugs it.
 */
export function reportError(error: unknown): void {
  useToastStore().show(describeError(error), 'error');
  if (!(error instanceof ApiError)) console.error(error);
}
