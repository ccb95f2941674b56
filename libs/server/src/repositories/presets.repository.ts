import { Inject, Injectable } from '@nestjs/common';
import { formValuesSchema, type FormValues } from '@app/shared/form/field-types';
import { presetNameKey } from '@app/shared/presets/preset-limits';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { PresetsTable } from '../db/schema';

/** One preset as stored, with its owner's display name. */
export interface StoredPreset {
  id: string;
  userId: string;
  ownerName: string;
  workflowId: string;
  name: string;
  values: FormValues;
  shared: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewPreset = Omit<StoredPreset, 'ownerName'>;

export interface PresetChanges {
  name?: string;
  values?: FormValues;
  shared?: boolean;
}

type PresetRow = PresetsTable & { ownerName: string };

function toStoredPreset({ nameKey: _nameKey, values, shared, ...row }: PresetRow): StoredPreset {
  return { ...row, values: formValuesSchema.parse(JSON.parse(values)), shared: shared === 1 };
}

/** P-1: presets per user and workflow. Access rules (U-5) are the service's; this only reads and writes. */
@Injectable()
export class PresetsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Runs a check-then-write as one transaction (limits and names hold under concurrent saves). */
  transaction<T>(work: (presets: PresetsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new PresetsRepository(trx)));
  }

  private selectPresets() {
    return this.db.selectFrom('presets as p').innerJoin('users as u', 'u.id', 'p.userId').selectAll('p').select('u.displayName as ownerName');
  }

  /** The user's presets for a workflow, newest update first. */
  async listOwn(userId: string, workflowId: string): Promise<StoredPreset[]> {
    const rows = await this.selectPresets().where('p.userId', '=', userId).where('p.workflowId', '=', workflowId).orderBy('p.updatedAt', 'desc').orderBy('p.id', 'desc').execute();
    return rows.map(toStoredPreset);
  }

  /** Every preset of the user, all workflows (what alias renames rewrite, A-8). */
  async listAllOwn(userId: string): Promise<StoredPreset[]> {
    const rows = await this.selectPresets().where('p.userId', '=', userId).execute();
    return rows.map(toStoredPreset);
  }

  /** Other users' shared presets for a workflow (U-5), newest update first. */
  async listSharedByOthers(userId: string, workflowId: string): Promise<StoredPreset[]> {
    const rows = await this.selectPresets()
      .where('p.workflowId', '=', workflowId)
      .where('p.shared', '=', 1)
      .where('p.userId', '!=', userId)
      .orderBy('p.updatedAt', 'desc')
      .orderBy('p.id', 'desc')
      .execute();
    return rows.map(toStoredPreset);
  }

  async findById(id: string): Promise<StoredPreset | undefined> {
    const row = await this.selectPresets().where('p.id', '=', id).executeTakeFirst();
    return row && toStoredPreset(row);
  }

  /** The user's preset of this name for the workflow, ignoring case. */
  async findByName(userId: string, workflowId: string, name: string): Promise<StoredPreset | undefined> {
    const row = await this.selectPresets().where('p.userId', '=', userId).where('p.workflowId', '=', workflowId).where('p.nameKey', '=', presetNameKey(name)).executeTakeFirst();
    return row && toStoredPreset(row);
  }

  async count(userId: string, workflowId: string): Promise<number> {
    const row = await this.db.selectFrom('presets').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('workflowId', '=', workflowId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(preset: NewPreset): Promise<void> {
    const { values, shared, ...rest } = preset;
    await this.db
      .insertInto('presets')
      .values({ ...rest, nameKey: presetNameKey(preset.name), values: JSON.stringify(values), shared: shared ? 1 : 0 })
      .execute();
  }

  async update(id: string, changes: PresetChanges, now: number): Promise<void> {
    const { name, values, shared } = changes;
    await this.db
      .updateTable('presets')
      .set({
        ...(name === undefined ? {} : { name, nameKey: presetNameKey(name) }),
        ...(values === undefined ? {} : { values: JSON.stringify(values) }),
        ...(shared === undefined ? {} : { shared: shared ? 1 : 0 }),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('presets').where('id', '=', id).execute();
  }
}
