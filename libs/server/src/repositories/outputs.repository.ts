import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { OutputsTable } from '../db/schema';

/** What serving an output's files needs to know about it. */
export type StoredOutput = Pick<OutputsTable, 'id' | 'userId' | 'kind' | 'mime' | 'ext' | 'bytes' | 'sha256' | 'relPath' | 'createdAt'>;

/** Generated outputs (J-11). */
@Injectable()
export class OutputsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The user's own output, unless it is in the trash or purged (G-9). */
  findLiveForUser(userId: string, id: string): Promise<StoredOutput | undefined> {
    return this.db
      .selectFrom('outputs')
      .select(['id', 'userId', 'kind', 'mime', 'ext', 'bytes', 'sha256', 'relPath', 'createdAt'])
      .where('id', '=', id)
      .where('userId', '=', userId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
  }
}
