import { defineStore } from 'pinia';
import { sessionListSchema } from '@app/shared/contracts/api/auth';
import { request } from '../../api/http';
import { useRemoteList } from '../../api/useRemoteList';

/** The signed-in user's sessions (U-7): where they are signed in, and revoking any of them. */
export const useSessionsStore = defineStore('sessions', () => {
  const list = useRemoteList(async () => (await request('GET', '/auth/sessions', { schema: sessionListSchema })).items);

  async function revoke(id: string): Promise<void> {
    await request('DELETE', `/auth/sessions/${id}`);
    list.drop(id);
  }

  return { items: list.items, state: list.state, load: list.load, revoke };
});
