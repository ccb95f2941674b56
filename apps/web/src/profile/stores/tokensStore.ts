import { defineStore } from 'pinia';
import { apiTokenSchema, createdTokenSchema, tokenListSchema } from '@app/shared/contracts/api/tokens';
import type { CreatedToken, CreateToken } from '@app/shared/contracts/api/tokens';
import { request } from '../../api/http';
import { useRemoteList } from '../../api/useRemoteList';

/** Personal API tokens (U-7). The list never holds a secret: `create` hands it to the caller once. */
export const useTokensStore = defineStore('tokens', () => {
  const list = useRemoteList(async () => (await request('GET', '/tokens', { schema: tokenListSchema })).items);

  async function create(input: CreateToken): Promise<CreatedToken> {
    const created = await request('POST', '/tokens', { body: input, schema: createdTokenSchema });
    // The schema strips unknown keys, so the listed copy has no secret.
    list.items.value = [apiTokenSchema.parse(created), ...list.items.value];
    return created;
  }

  async function revoke(id: string): Promise<void> {
    await request('DELETE', `/tokens/${id}`);
    list.drop(id);
  }

  return { items: list.items, state: list.state, load: list.load, create, revoke };
});
