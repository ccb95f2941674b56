import { defineStore } from 'pinia';
import { userListSchema, userSchema } from '@app/shared/contracts/api/users';
import type { CreateUser, UpdateUser, User } from '@app/shared/contracts/api/users';
import { request } from '../../api/http';
import { useRemoteList } from '../../api/useRemoteList';

/** Every account, for admins (U-3). Actions throw ApiError; the screens show it where it belongs. */
export const useUsersStore = defineStore('users', () => {
  const list = useRemoteList(async () => (await request('GET', '/users', { schema: userListSchema })).items);

  async function create(input: CreateUser): Promise<User> {
    const user = await request('POST', '/users', { body: input, schema: userSchema });
    list.items.value = [...list.items.value, user];
    return user;
  }

  /** Role, state or display name; a change that would leave no active admin answers 409. */
  async function update(id: string, changes: UpdateUser): Promise<User> {
    const user = await request('PATCH', `/users/${id}`, { body: changes, schema: userSchema });
    list.replace(user);
    return user;
  }

  /** Sets a password the user must change at next sign-in; their sessions end. */
  async function resetPassword(id: string, password: string): Promise<void> {
    await request('POST', `/users/${id}/password`, { body: { password } });
    const user = list.items.value.find((candidate) => candidate.id === id);
    if (user) list.replace({ ...user, mustChangePassword: true });
  }

  /** U-12: the server checks `confirmEmail` against the account before purging it. */
  async function remove(id: string, confirmEmail: string): Promise<void> {
    await request('DELETE', `/users/${id}`, { query: { confirm: confirmEmail } });
    list.drop(id);
  }

  return { items: list.items, state: list.state, load: list.load, create, update, resetPassword, remove };
});
