import { t } from '../../i18n/en';
import { writeClipboard } from '../clipboard';
import { useManualCopyStore } from '../stores/manualCopyStore';
import { useToastStore } from '../stores/toastStore';

/**
 * Copies text and says so in a toast. When the browser refuses (it may, on a plain-HTTP LAN
 * address), the text opens selected in a dialog, to be copied with the browser's own menu.
 */
export function useCopyText(): (text: string) => Promise<void> {
  const toast = useToastStore();
  const manualCopy = useManualCopyStore();
  return async (text: string) => {
    if (await writeClipboard(text)) toast.show(t('common.copied'), 'success');
    else manualCopy.offer(text);
  };
}
