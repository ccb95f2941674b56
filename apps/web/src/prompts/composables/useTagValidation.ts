import { onScopeDispose, shallowRef, watch } from 'vue';
import type { Ref } from 'vue';
import type { TagValidation } from '@app/shared/contracts/api/tags';
import { MAX_TEXT_LENGTH } from '@app/shared/form/validate-values';
import { useTagsStore } from '../stores/tagsStore';

/** Typing pauses this long before a text is checked against the tag list. */
const TAG_VALIDATION_DELAY_MS = 600;

export type UnknownTag = TagValidation['unknown'][number];

interface CheckedText {
  /** The text the answer is about; offsets point into it. */
  text: string;
  unknown: UnknownTag[];
}

/**
 * T-7's advisory check of one text: unknown tags with suggestions, for the text as it was checked.
 * Never blocks anything; a failed check shows nothing. Answers for an older text are dropped.
 */
export function useTagValidation(text: () => string, isEnabled: () => boolean): Ref<CheckedText | null> {
  const tags = useTagsStore();
  const checked = shallowRef<CheckedText | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  async function check(value: string, mine: number): Promise<void> {
    try {
      const answer = await tags.validate(value);
      if (mine === asked) checked.value = { text: value, unknown: answer.unknown };
    } catch {
      if (mine === asked) checked.value = null;
    }
  }

  watch(
    [text, isEnabled],
    ([value, enabled]) => {
      clearTimeout(timer);
      const mine = ++asked;
      if (!enabled || value.trim() === '' || value.length > MAX_TEXT_LENGTH) {
        checked.value = null;
        return;
      }
      timer = setTimeout(() => void check(value, mine), TAG_VALIDATION_DELAY_MS);
    },
    { immediate: true },
  );

  onScopeDispose(() => clearTimeout(timer));

  return checked;
}
