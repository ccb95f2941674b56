import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { runLimitsSchema } from '@app/shared/contracts/api/limits';
import type { RunLimits, UpdateRunLimits } from '@app/shared/contracts/api/limits';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';

/** The caps on what one run may ask a backend to make, as an admin reads and changes them. */
export const useLimitsStore = defineStore('limits', () => {
  const limits = shallowRef<RunLimits | null>(null);
  const state = ref<LoadState>({ status: 'idle' });

  async function load(): Promise<void> {
    state.value = { status: 'loading' };
    try {
      limits.value = await request('GET', '/admin/limits', { schema: runLimitsSchema });
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  /** Throws the api's refusal (an ApiError with field errors) for the form to show. */
  async function save(change: UpdateRunLimits): Promise<RunLimits> {
    limits.value = await request('PATCH', '/admin/limits', { body: change, schema: runLimitsSchema });
    return limits.value;
  }

  return { limits, state, load, save };
});
