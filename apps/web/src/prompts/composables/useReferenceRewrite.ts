import { shallowRef } from 'vue';
import type { AliasReferencesReport, RewriteAliasReferences } from '@app/shared/contracts/api/aliases';
import { useAction } from '../../forms/useAction';
import { t } from '../../i18n/en';
import { useToastStore } from '../../shell/stores/toastStore';
import { useAliasesStore } from '../stores/aliasesStore';

export interface ReferenceRewriteOffer {
  renames: RewriteAliasReferences['renames'];
  report: AliasReferencesReport;
  /** How the renamed tokens were written, and how they read now, for the question. */
  from: string;
  to: string;
}

/**
 * A-8 "renaming offers to rewrite `$old$`": after a rename, counts where the former tokens are
 * still written and, when they are, holds an offer until it is dismissed (taken or left).
 */
export function useReferenceRewrite() {
  const aliases = useAliasesStore();
  const toast = useToastStore();
  const offer = shallowRef<ReferenceRewriteOffer | null>(null);
  const action = useAction();

  /** True when there is something to offer. A failed count offers nothing: the rename itself stands. */
  async function check(renames: ReferenceRewriteOffer['renames'], labels: Pick<ReferenceRewriteOffer, 'from' | 'to'>): Promise<boolean> {
    if (renames.length === 0) return false;
    const report = await aliases.rewriteReferences(renames, true).catch(() => null);
    if (!report || report.tokens === 0) return false;
    offer.value = { renames, report, ...labels };
    return true;
  }

  async function accept(): Promise<boolean> {
    const pending = offer.value;
    if (!pending) return true;
    const rewrite = async (): Promise<void> => {
      const done = await aliases.rewriteReferences(pending.renames, false);
      toast.show(t('aliases.referencesRewritten', { count: done.tokens }), 'success');
    };
    return action.run(rewrite);
  }

  function dismiss(): void {
    offer.value = null;
  }

  return { offer, check, accept, dismiss, isBusy: action.isBusy, error: action.error };
}

export type ReferenceRewrite = ReturnType<typeof useReferenceRewrite>;
