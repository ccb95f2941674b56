import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { serverUrlsSchema } from '@app/shared/contracts/api/server';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { isLoopbackHost } from '../phone-address';

/**
 * the addresses a phone can open the studio at. A page that is not on this machine's
 * loopback is already at one (the phone can use the same); otherwise the server names its LAN URLs.
 */
export const usePhoneAddressStore = defineStore('phoneAddress', () => {
  const urls = shallowRef<string[]>([]);
  const state = ref<LoadState>({ status: 'idle' });

  async function load(): Promise<void> {
    if (!isLoopbackHost(window.location.hostname)) {
      urls.value = [window.location.origin];
      state.value = { status: 'ready' };
      return;
    }
    state.value = { status: 'loading' };
    try {
      urls.value = (await request('GET', '/server/urls', { schema: serverUrlsSchema })).lan;
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  return { urls, state, load };
});
