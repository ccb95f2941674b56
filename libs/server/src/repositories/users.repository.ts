import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Role, User, UserState } from '@app/shared/contracts/api/users';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { DB, UserRow } from '../db/schema';

const PUBLIC_COLUMNS = ['id', 'email', 'displayName', 'role', 'state', 'mustChangePassword', 'createdAt'] as const;

export interface NewUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  now: number;
}

function toUser(row: Pick<UserRow, (typeof PUBLIC_COLUMNS)[number]>): User {
  return { ...row, mustChangePassword: row.mustChangePassword === 1 };
}

@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(user: NewUser): Promise<User> {
    const { now, mustChangePassword, ...rest } = user;
    await this.db
      .insertInto('users')
      .values({ ...rest, state: 'active', mustChangePassword: mustChangePassword ? 1 : 0, createdAt: now, updatedAt: now })
      .execute();
    return { ...rest, state: 'active', mustChangePassword, createdAt: now };
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').select(PUBLIC_COLUMNS).where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').select(PUBLIC_COLUMNS).orderBy('createdAt').orderBy('id').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  countActiveAdmins(): Promise<number> {
    return countActiveAdmins(this.db);
  }

  async getPasswordHash(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst();
    return row?.passwordHash;
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean, now: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: mustChangePassword ? 1 : 0, updatedAt: now })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Applies the change unless it would leave no active admin (U-3); the check and the write
   * happen in one transaction so two concurrent demotions cannot both pass.
   */
  async update(
    id: string,
    changes: { role?: Role; state?: UserState; displayName?: string },
    now: number,
  ): Promise<User | 'not-found' | 'last-admin'> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('users').set({ ...changes, updatedAt: now }).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return 'not-found';
      if ((await countActiveAdmins(trx)) === 0) throw new LastAdminRollback();
      const row = await trx.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
      return toUser(row);
    }).catch(rollbackToLastAdmin);
  }

  /** Deletes the user and, by cascade, their sessions and tokens; refuses to remove the last active admin. */
  async delete(id: string): Promise<'deleted' | 'not-found' | 'last-admin'> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return 'not-found' as const;
      if ((await countActiveAdmins(trx)) === 0) throw new LastAdminRollback();
      return 'deleted' as const;
    }).catch(rollbackToLastAdmin);
  }
}

class LastAdminRollback extends Error {}

function rollbackToLastAdmin(error: unknown): 'last-admin' {
  if (error instanceof LastAdminRollback) return 'last-admin';
  throw error;
}

async function countActiveAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('state', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
