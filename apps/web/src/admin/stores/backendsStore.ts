import { defineStore } from 'pinia';
import { ref } from 'vue';
import { backendListSchema, backendRefreshSchema } from '@app/shared/contracts/api/backends';
import { request } from '../../api/http';
import { useRemoteList } from '../../api/useRemoteList';

/** E-2: the ComfyUI backends with their health and the jobs on each, for admins. */
export const useBackendsStore = defineStore('backends', () => {
  /** Jobs waiting for any backend. */
  const queued = ref(0);
  const list = useRemoteList(async () => {
    const answer = await request('GET', '/backends', { schema: backendListSchema });
    queued.value = answer.queued;
    return answer.items;
  });

  /** W-14: reads the backend's catalogue again now; true once a worker has (false: asked, not yet done). Throws ApiError. */
  async function refreshCatalogue(id: string): Promise<boolean> {
    const answer = await request('POST', `/backends/${id}/refresh`, { schema: backendRefreshSchema });
    list.replace(answer.backend);
    return answer.refreshed;
  }

  return { items: list.items, state: list.state, queued, load: list.load, refreshCatalogue };
});
