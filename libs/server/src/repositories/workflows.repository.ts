import { Inject, Injectable } from '@nestjs/common';
import { formSchemaSchema, type FormSchema, type WorkflowType } from '@app/shared/form/field-types';
import type { FieldError } from '@app/shared/contracts/errors';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { WorkflowsTable } from '../db/schema';

const warningsSchema = z.array(z.object({ field: z.string(), message: z.string() }));

export interface WorkflowRecord {
  id: string;
  name: string;
  description: string;
  type: WorkflowType;
  source: 'cozygen' | 'plain';
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface WorkflowVersionRecord {
  workflowId: string;
  version: number;
  graph: unknown;
  schema: FormSchema;
  warnings: FieldError[];
  createdAt: number;
}

export interface NewWorkflow {
  id: string;
  name: string;
  description: string;
  type: WorkflowType;
  schema: FormSchema;
  graph: unknown;
  warnings: FieldError[];
  createdBy: string | null;
  now: number;
}

const COLUMNS = ['id', 'name', 'description', 'type', 'source', 'currentVersion', 'createdAt', 'updatedAt'] as const;

function toRecord(row: Pick<WorkflowsTable, (typeof COLUMNS)[number]>): WorkflowRecord {
  const { currentVersion, ...rest } = row;
  return { ...rest, type: rest.type as WorkflowType, source: rest.source === 'plain' ? 'plain' : 'cozygen', version: currentVersion };
}

/** Workflows and their immutable versions (W-2). Deleted workflows stay for the jobs that used them. */
@Injectable()
export class WorkflowsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** 'name-taken' when a live workflow has this name ignoring case. */
  async create(workflow: NewWorkflow): Promise<WorkflowRecord | 'name-taken'> {
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('workflows').select('id').where('nameKey', '=', workflow.name.toLowerCase()).where('deletedAt', 'is', null).executeTakeFirst();
      if (taken) return 'name-taken' as const;
      await trx
        .insertInto('workflows')
        .values({
          id: workflow.id,
          name: workflow.name,
          nameKey: workflow.name.toLowerCase(),
          description: workflow.description,
          type: workflow.type,
          source: workflow.schema.source,
          currentVersion: 1,
          createdBy: workflow.createdBy,
          createdAt: workflow.now,
          updatedAt: workflow.now,
          deletedAt: null,
        })
        .execute();
      await trx
        .insertInto('workflowVersions')
        .values({ workflowId: workflow.id, version: 1, graph: JSON.stringify(workflow.graph), schema: JSON.stringify(workflow.schema), warnings: JSON.stringify(workflow.warnings), createdAt: workflow.now })
        .execute();
      return { id: workflow.id, name: workflow.name, description: workflow.description, type: workflow.type, source: workflow.schema.source, version: 1, createdAt: workflow.now, updatedAt: workflow.now };
    });
  }

  async list(): Promise<WorkflowRecord[]> {
    const rows = await this.db.selectFrom('workflows').select(COLUMNS).where('deletedAt', 'is', null).orderBy('nameKey').execute();
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('workflows').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async find(id: string): Promise<WorkflowRecord | undefined> {
    const row = await this.db.selectFrom('workflows').select(COLUMNS).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    return row && toRecord(row);
  }

  /** A version stays readable after its workflow is deleted (jobs reference it). */
  async findVersion(workflowId: string, version: number): Promise<WorkflowVersionRecord | undefined> {
    const row = await this.db.selectFrom('workflowVersions').selectAll().where('workflowId', '=', workflowId).where('version', '=', version).executeTakeFirst();
    if (!row) return undefined;
    return {
      workflowId: row.workflowId,
      version: row.version,
      graph: JSON.parse(row.graph) as unknown,
      schema: formSchemaSchema.parse(JSON.parse(row.schema)),
      warnings: warningsSchema.parse(JSON.parse(row.warnings)),
      createdAt: row.createdAt,
    };
  }

  async nameOf(workflowId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('workflows').select('name').where('id', '=', workflowId).executeTakeFirst();
    return row?.name;
  }

  /**
   * Edits name/description/type in place and, with a new graph, appends a version.
   * 'name-taken' when another live workflow has the new name.
   */
  async update(
    id: string,
    changes: { name?: string; description?: string; type?: WorkflowType; version?: { graph: unknown; schema: FormSchema; warnings: FieldError[] } },
    now: number,
  ): Promise<WorkflowRecord | 'not-found' | 'name-taken'> {
    return this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('workflows').select(COLUMNS).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
      if (!current) return 'not-found' as const;
      if (changes.name !== undefined) {
        const taken = await trx.selectFrom('workflows').select('id').where('nameKey', '=', changes.name.toLowerCase()).where('deletedAt', 'is', null).where('id', '!=', id).executeTakeFirst();
        if (taken) return 'name-taken' as const;
      }
      let version = current.currentVersion;
      if (changes.version) {
        version += 1;
        const { graph, schema, warnings } = changes.version;
        await trx
          .insertInto('workflowVersions')
          .values({ workflowId: id, version, graph: JSON.stringify(graph), schema: JSON.stringify(schema), warnings: JSON.stringify(warnings), createdAt: now })
          .execute();
      }
      await trx
        .updateTable('workflows')
        .set({
          ...(changes.name !== undefined ? { name: changes.name, nameKey: changes.name.toLowerCase() } : {}),
          ...(changes.description !== undefined ? { description: changes.description } : {}),
          ...(changes.type !== undefined ? { type: changes.type } : {}),
          ...(changes.version ? { source: changes.version.schema.source } : {}),
          currentVersion: version,
          updatedAt: now,
        })
        .where('id', '=', id)
        .execute();
      const row = await trx.selectFrom('workflows').select(COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
      return toRecord(row);
    });
  }

  async softDelete(id: string, now: number): Promise<boolean> {
    const result = await this.db.updateTable('workflows').set({ deletedAt: now, updatedAt: now }).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
