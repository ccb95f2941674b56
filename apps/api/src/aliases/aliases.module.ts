import { Module } from '@nestjs/common';
import { AliasCategoriesRepository } from '@app/server/repositories/alias-categories.repository';
import { AliasLibraryRepository } from '@app/server/repositories/alias-library.repository';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';
import { AliasCategoriesController } from './alias-categories.controller';
import { AliasCategoriesService } from './alias-categories.service';
import { AliasImportBodyParser } from './alias-import-body-parser';
import { AliasesFileService } from './aliases-file.service';
import { AliasesController } from './aliases.controller';
import { AliasesService } from './aliases.service';

/** Per-user aliases and categories, CozyGen import/export (A-1 … A-10). */
@Module({
  controllers: [AliasesController, AliasCategoriesController],
  providers: [
    AliasesRepository,
    AliasCategoriesRepository,
    AliasLibraryRepository,
    AliasesService,
    AliasCategoriesService,
    AliasesFileService,
    AliasImportBodyParser,
  ],
  exports: [AliasesRepository],
})
export class AliasesModule {}
