import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import { AliasCategoriesRepository } from './alias-categories.repository';
import { AliasTrashRepository } from './alias-trash.repository';
import { AliasesRepository } from './aliases.repository';

/** The alias repositories bound to one transaction. */
export interface AliasLibraryTransaction {
  aliases: AliasesRepository;
  categories: AliasCategoriesRepository;
  trash: AliasTrashRepository;
}

/**
 * Runs a check-then-write on aliases and categories as one transaction, so limits and uniqueness
 * hold under concurrent requests and a failed import writes nothing.
 */
@Injectable()
export class AliasLibraryRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  transaction<T>(work: (tx: AliasLibraryTransaction) => Promise<T>): Promise<T> {
    return this.db
      .transaction()
      .execute((trx) => work({ aliases: new AliasesRepository(trx), categories: new AliasCategoriesRepository(trx), trash: new AliasTrashRepository(trx) }));
  }
}
