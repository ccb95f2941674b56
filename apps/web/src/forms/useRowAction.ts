import { ref } from 'vue';
import type { Ref } from 'vue';
import { describeError } from '../api/api-error';

export interface RowAction {
  /** The row whose action is running, if any. */
  busyKey: Ref<string | null>;
  /** Each row's last failure, shown on that row. */
  errors: Ref<Record<string, string>>;
  /** Runs `work` for the row `key`, clearing its earlier failure; true when it succeeded. Never throws. */
  run(key: string, work: () => Promise<unknown>): Promise<boolean>;
}

/** One server action offered on every row of a list (copy to mine, …). */
export function useRowAction(): RowAction {
  const busyKey = ref<string | null>(null);
  const errors = ref<Record<string, string>>({});

  async function run(key: string, work: () => Promise<unknown>): Promise<boolean> {
    busyKey.value = key;
    const { [key]: _previous, ...others } = errors.value;
    errors.value = others;
    try {
      await work();
      return true;
    } catch (failure) {
      errors.value = { ...errors.value, [key]: describeError(failure) };
      return false;
    } finally {
      busyKey.value = null;
    }
  }

  return { busyKey, errors, run };
}
