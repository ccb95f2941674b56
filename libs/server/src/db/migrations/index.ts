import type { Migration } from 'kysely';
import * as m0001 from './0001_accounts';

/** Every migration, in order. Landed migrations are never edited; add a new file instead. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts': m0001,
};
