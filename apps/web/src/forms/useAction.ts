import { ref } from 'vue';
import type { Ref } from 'vue';
import { describeError } from '../api/api-error';

export interface Action {
  isBusy: Ref<boolean>;
  /** The last failure's message, shown beside the control that started it. */
  error: Ref<string | null>;
  /** Runs `work`, tracking busy and error; true when it succeeded. Never throws. */
  run(work: () => Promise<unknown>): Promise<boolean>;
}

/** A button's server action outside a form: revoke, delete, enable. */
export function useAction(): Action {
  const isBusy = ref(false);
  const error = ref<string | null>(null);

  async function run(work: () => Promise<unknown>): Promise<boolean> {
    isBusy.value = true;
    error.value = null;
    try {
      await work();
      return true;
    } catch (failure) {
      error.value = describeError(failure);
      return false;
    } finally {
      isBusy.value = false;
    }
  }

  return { isBusy, error, run };
}
