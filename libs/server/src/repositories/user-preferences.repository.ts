import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences, type UpdatePreferences } from '@app/shared/contracts/api/preferences';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';

/**
 * What was stored may predate today's schema: each setting that is missing or no longer valid
 * takes its default, and keys the schema does not know are dropped.
 */
const storedSchema = z.object({
  theme: preferencesSchema.shape.theme.catch(DEFAULT_PREFERENCES.theme),
  tagSpaces: preferencesSchema.shape.tagSpaces.catch(DEFAULT_PREFERENCES.tagSpaces),
});

function parseStored(json: string): Preferences {
  try {
    return storedSchema.parse(JSON.parse(json));
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

/** U-8: each user's preferences; a user who never changed one has the defaults. */
@Injectable()
export class UserPreferencesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async find(userId: string): Promise<Preferences> {
    const row = await this.db.selectFrom('userPreferences').select('preferences').where('userId', '=', userId).executeTakeFirst();
    return row ? parseStored(row.preferences) : DEFAULT_PREFERENCES;
  }

  /** Merges the change into what is stored, in one transaction so concurrent changes both land. */
  update(userId: string, change: UpdatePreferences, now: number): Promise<Preferences> {
    return this.db.transaction().execute(async (trx) => {
      const tx = new UserPreferencesRepository(trx);
      const merged = { ...(await tx.find(userId)), ...change };
      const values = { preferences: JSON.stringify(merged), updatedAt: now };
      await trx
        .insertInto('userPreferences')
        .values({ userId, ...values })
        .onConflict((oc) => oc.column('userId').doUpdateSet(values))
        .execute();
      return merged;
    });
  }
}
