import { computed, useId } from 'vue';
import type { ComputedRef } from 'vue';

export interface FieldDescription {
  /** The control's id; its hint and error paragraphs are `${id}-hint` and `${id}-error`. */
  id: string;
  /** For `aria-describedby`: the error first, then the hint; undefined when there is neither. */
  describedBy: ComputedRef<string | undefined>;
}

/**
 * N-12: a control points at its own error and hint so assistive technology reads them with it.
 * Pass getters so the description follows the props.
 */
export function useFieldDescription(error: () => string | undefined, hint: () => string | undefined): FieldDescription {
  const id = useId();
  const describedBy = computed(() => [error() ? `${id}-error` : '', hint() ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined);
  return { id, describedBy };
}
