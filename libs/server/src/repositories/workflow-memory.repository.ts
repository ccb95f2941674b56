import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowMemory } from '@app/shared/contracts/api/workflows';
import { formValuesSchema, type FormValues } from '@app/shared/form/field-types';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';

const keysSchema = z.array(z.string());

/** U-8: each user's last submitted values per workflow, restored when the form opens. */
@Injectable()
export class WorkflowMemoryRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async find(userId: string, workflowId: string): Promise<WorkflowMemory | undefined> {
    const row = await this.db.selectFrom('workflowMemory').selectAll().where('userId', '=', userId).where('workflowId', '=', workflowId).executeTakeFirst();
    if (!row) return undefined;
    return { values: formValuesSchema.parse(JSON.parse(row.values)), randomize: keysSchema.parse(JSON.parse(row.randomize)), bypass: keysSchema.parse(JSON.parse(row.bypass)), updatedAt: row.updatedAt };
  }

  /** The remembered values of every workflow the user has submitted (what alias renames rewrite, A-8). */
  async listValues(userId: string): Promise<{ workflowId: string; values: FormValues }[]> {
    const rows = await this.db.selectFrom('workflowMemory').select(['workflowId', 'values']).where('userId', '=', userId).execute();
    return rows.map((row) => ({ workflowId: row.workflowId, values: formValuesSchema.parse(JSON.parse(row.values)) }));
  }

  /** Replaces the remembered values only; randomize and bypass switches stay. */
  async updateValues(userId: string, workflowId: string, values: FormValues, now: number): Promise<void> {
    await this.db.updateTable('workflowMemory').set({ values: JSON.stringify(values), updatedAt: now }).where('userId', '=', userId).where('workflowId', '=', workflowId).execute();
  }

  async save(userId: string, workflowId: string, memory: Omit<WorkflowMemory, 'updatedAt'>, now: number): Promise<void> {
    const values = { values: JSON.stringify(memory.values), randomize: JSON.stringify(memory.randomize), bypass: JSON.stringify(memory.bypass), updatedAt: now };
    await this.db
      .insertInto('workflowMemory')
      .values({ userId, workflowId, ...values })
      .onConflict((oc) => oc.columns(['userId', 'workflowId']).doUpdateSet(values))
      .execute();
  }
}
