import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import { AliasesRepository } from './aliases.repository';
import { PresetsRepository } from './presets.repository';
import { WorkflowMemoryRepository } from './workflow-memory.repository';

/** Everything of one user that may hold alias tokens, bound to one transaction. */
export interface AliasReferencesTransaction {
  aliases: AliasesRepository;
  presets: PresetsRepository;
  memory: WorkflowMemoryRepository;
}

/** Runs an alias-reference rewrite as one transaction: every text changes, or none does. */
@Injectable()
export class AliasReferencesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  transaction<T>(work: (tx: AliasReferencesTransaction) => Promise<T>): Promise<T> {
    return this.db
      .transaction()
      .execute((trx) => work({ aliases: new AliasesRepository(trx), presets: new PresetsRepository(trx), memory: new WorkflowMemoryRepository(trx) }));
  }
}
