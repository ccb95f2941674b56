import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { AliasCategoriesRepository } from '../repositories/alias-categories.repository';
import { AliasLibraryRepository } from '../repositories/alias-library.repository';
import { AliasReferencesRepository } from '../repositories/alias-references.repository';
import { AliasesRepository } from '../repositories/aliases.repository';
import { ApiTokensRepository } from '../repositories/api-tokens.repository';
import { SessionsRepository } from '../repositories/sessions.repository';
import { BackendsRepository } from '../repositories/backends.repository';
import { JobsRepository } from '../repositories/jobs.repository';
import { OutputsRepository } from '../repositories/outputs.repository';
import { UploadsRepository } from '../repositories/uploads.repository';
import { UserPreferencesRepository } from '../repositories/user-preferences.repository';
import { UsersRepository } from '../repositories/users.repository';
import { WorkflowMemoryRepository } from '../repositories/workflow-memory.repository';
import { WorkflowsRepository } from '../repositories/workflows.repository';
import { PresetsRepository } from '../repositories/presets.repository';
import { RunLimitsRepository } from '../repositories/run-limits.repository';
import { TagsRepository } from '../repositories/tags.repository';
import { TagListsRepository } from '../tags/tag-lists.repository';
import { migrateToLatest, openDatabase, type Database } from './database';
import { DATABASE } from './database.tokens';

const repositories = [
  UsersRepository,
  UserPreferencesRepository,
  SessionsRepository,
  ApiTokensRepository,
  WorkflowsRepository,
  WorkflowMemoryRepository,
  BackendsRepository,
  JobsRepository,
  OutputsRepository,
  UploadsRepository,
  AliasesRepository,
  AliasCategoriesRepository,
  AliasLibraryRepository,
  AliasReferencesRepository,
  TagsRepository,
  TagListsRepository,
  PresetsRepository,
  RunLimitsRepository,
];

/** Opens the database, brings it to the latest migration before anything uses it, and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Database> => {
        const db = openDatabase(config.database);
        await migrateToLatest(db);
        return db;
      },
    },
    ...repositories,
  ],
  exports: [DATABASE, ...repositories],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}
