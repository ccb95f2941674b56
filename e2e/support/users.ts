import { randomUUID } from 'node:crypto';
import { loginResponseSchema } from '@app/shared/contracts/api/auth';
import { E2E_ADMIN, e2eUrl } from './env';

export interface Credentials {
  email: string;
  password: string;
}

export interface Member extends Credentials {
  /** An access token of the member's own, for set-up calls the journey is not about. */
  token: string;
}

async function call(path: string, init: { method: string; token?: string; body?: unknown }): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  return fetch(`${e2eUrl()}/api${path}`, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

export async function login({ email, password }: Credentials): Promise<string> {
  const response = await call('/auth/login', { method: 'POST', body: { email, password } });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return loginResponseSchema.parse(await response.json()).accessToken;
}

/**
 * A member of the shared stack, made the way people are (U-2, U-3): the admin creates the account
 * with a given password, the member signs in once and chooses their own.
 */
export async function createMember(name: string): Promise<Member> {
  const admin = await login(E2E_ADMIN);
  const email = `${name}-${randomUUID().slice(0, 8)}@e2e.local`;
  const initial = `initial-${randomUUID()}`;
  const created = await call('/users', { method: 'POST', token: admin, body: { email, password: initial, role: 'member' } });
  if (created.status !== 201) throw new Error(`create ${email}: ${created.status} ${await created.text()}`);
  const first = await login({ email, password: initial });
  const password = `chosen-${randomUUID()}`;
  const changed = await call('/auth/password', { method: 'POST', token: first, body: { currentPassword: initial, newPassword: password } });
  if (changed.status !== 204) throw new Error(`password for ${email}: ${changed.status} ${await changed.text()}`);
  return { email, password, token: await login({ email, password }) };
}

/** An alias of the member's, so prompts in the journey have something to expand. */
export async function createAlias(member: Member, name: string, text: string): Promise<void> {
  const response = await call('/aliases', { method: 'POST', token: member.token, body: { name, text } });
  if (response.status !== 201) throw new Error(`alias ${name}: ${response.status} ${await response.text()}`);
}
