import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_RUN_LIMITS, runLimitsSchema, type RunLimits } from '@app/shared/form/run-limits';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';

const KEY = 'run-limits';

/** A stored cap that is missing or out of today's bounds takes its default; unknown keys drop out. */
const storedSchema = z.object({
  maxPixels: runLimitsSchema.shape.maxPixels.catch(DEFAULT_RUN_LIMITS.maxPixels),
  maxBatchSize: runLimitsSchema.shape.maxBatchSize.catch(DEFAULT_RUN_LIMITS.maxBatchSize),
  maxFrames: runLimitsSchema.shape.maxFrames.catch(DEFAULT_RUN_LIMITS.maxFrames),
});

function parseStored(json: string): RunLimits {
  try {
    return storedSchema.parse(JSON.parse(json));
  } catch {
    return DEFAULT_RUN_LIMITS;
  }
}

/** The admin's caps on what one run may ask a backend to make; the defaults until an admin sets them. */
@Injectable()
export class RunLimitsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async find(): Promise<RunLimits> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    return row ? parseStored(row.value) : DEFAULT_RUN_LIMITS;
  }

  /** Merges the change into the stored caps in one transaction, so two admins' changes both land. */
  update(change: Partial<RunLimits>, now: number): Promise<RunLimits> {
    return this.db.transaction().execute(async (trx) => {
      const merged = { ...(await new RunLimitsRepository(trx).find()), ...change };
      const values = { value: JSON.stringify(merged), updatedAt: now };
      await trx
        .insertInto('settings')
        .values({ key: KEY, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
      return merged;
    });
  }
}
