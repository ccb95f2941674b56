import type { z } from 'zod';
import { e2eUrl } from './env';
import type { Member } from './users';

/** Reads an api resource as the member, parsed by the shared schema (checks the tests make beside the UI). */
export async function readAs<S extends z.ZodType>(member: Member, path: string, schema: S): Promise<z.output<S>> {
  const response = await fetch(`${e2eUrl()}/api${path}`, { headers: { Authorization: `Bearer ${member.token}` } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return schema.parse(await response.json());
}
