import { Inject, Injectable } from '@nestjs/common';
import { parseObjectInfo, type ObjectInfo } from '@app/shared/comfy/object-info';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { BackendsTable } from '../db/schema';
import { newId } from '../system/ids';

export const BACKEND_STATES = ['unknown', 'up', 'down', 'draining', 'disabled'] as const;
export type BackendState = (typeof BACKEND_STATES)[number];

const modelsSchema = z.record(z.string(), z.array(z.string()));

export interface BackendRecord {
  id: string;
  url: string;
  name: string;
  enabled: boolean;
  slots: number;
  state: BackendState;
  comfyuiVersion: string | null;
  lastError: string | null;
  lastSeenAt: number | null;
  /** When its catalogue (node classes, model folders) was last read. */
  catalogueAt: number | null;
}

export interface BackendCatalogue {
  backendId: string;
  objectInfo: ObjectInfo;
  models: Record<string, string[]>;
}

const COLUMNS = ['id', 'url', 'name', 'enabled', 'slots', 'state', 'comfyuiVersion', 'lastError', 'lastSeenAt', 'capabilitiesAt'] as const;

function toState(value: string): BackendState {
  return (BACKEND_STATES as readonly string[]).includes(value) ? (value as BackendState) : 'unknown';
}

function toRecord({ capabilitiesAt, ...row }: Pick<BackendsTable, (typeof COLUMNS)[number]>): BackendRecord {
  return { ...row, enabled: row.enabled === 1, state: toState(row.state), catalogueAt: capabilitiesAt };
}

/** ComfyUI servers (E-1) with their health and their last known catalogue (E-3). */
@Injectable()
export class BackendsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Makes sure every configured URL has a row (COMFYUI_URLS); returns them in the given order. */
  async ensureConfigured(urls: readonly string[], now: number): Promise<BackendRecord[]> {
    for (const url of urls) {
      await this.db
        .insertInto('backends')
        .values({ id: newId(), url, name: new URL(url).host, enabled: 1, slots: 2, state: 'unknown', createdAt: now, updatedAt: now })
        .onConflict((oc) => oc.column('url').doNothing())
        .execute();
    }
    const rows = await this.db.selectFrom('backends').select(COLUMNS).where('url', 'in', [...urls]).execute();
    return urls.flatMap((url) => rows.filter((r) => r.url === url)).map(toRecord);
  }

  async list(): Promise<BackendRecord[]> {
    const rows = await this.db.selectFrom('backends').select(COLUMNS).orderBy('createdAt').execute();
    return rows.map(toRecord);
  }

  async find(id: string): Promise<BackendRecord | undefined> {
    const row = await this.db.selectFrom('backends').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async nameOf(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('backends').select('name').where('id', '=', id).executeTakeFirst())?.name;
  }

  async setHealth(id: string, health: { state: BackendState; comfyuiVersion?: string; lastError?: string | null }, now: number): Promise<void> {
    await this.db
      .updateTable('backends')
      .set({
        state: health.state,
        ...(health.comfyuiVersion !== undefined ? { comfyuiVersion: health.comfyuiVersion } : {}),
        ...(health.lastError !== undefined ? { lastError: health.lastError } : {}),
        ...(health.state === 'up' ? { lastSeenAt: now } : {}),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async setCatalogue(id: string, objectInfo: unknown, models: Record<string, string[]>, now: number): Promise<void> {
    await this.db.updateTable('backends').set({ objectInfo: JSON.stringify(objectInfo), models: JSON.stringify(models), capabilitiesAt: now, updatedAt: now }).where('id', '=', id).execute();
  }

  /** The stored catalogues of enabled backends, so forms load even while a backend is down (E-3). */
  async catalogues(): Promise<BackendCatalogue[]> {
    const rows = await this.db.selectFrom('backends').select(['id', 'objectInfo', 'models']).where('enabled', '=', 1).where('objectInfo', 'is not', null).orderBy('createdAt').execute();
    return rows.map((row) => ({
      backendId: row.id,
      objectInfo: parseObjectInfo(JSON.parse(row.objectInfo ?? '{}') as unknown).objectInfo,
      models: modelsSchema.catch({}).parse(JSON.parse(row.models ?? '{}') as unknown),
    }));
  }
}
