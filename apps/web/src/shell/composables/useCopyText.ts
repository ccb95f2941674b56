import { useClipboard } from '@vueuse/core';
import { t } from '../../i18n/en';
import { useToastStore } from '../stores/toastStore';

/** Copies text and says so in a toast; when the browser refuses, the toast says that instead. */
export function useCopyText(): (text: string) => Promise<void> {
  const { copy } = useClipboard({ legacy: true });
  const toast = useToastStore();
  return async (text: string) => {
    try {
      await copy(text);
      toast.show(t('common.copied'), 'success');
    } catch {
      toast.show(t('common.copyFailed'), 'error');
    }
  };
}
