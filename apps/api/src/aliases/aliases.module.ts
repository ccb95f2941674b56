import { Module } from '@nestjs/common';
import { AliasCategoriesController } from './alias-categories.controller';
import { AliasCategoriesService } from './alias-categories.service';
import { AliasReferencesService } from './alias-references.service';
import { AliasesFileService } from './aliases-file.service';
import { AliasesController } from './aliases.controller';
import { AliasesService } from './aliases.service';
import { AliasTrashService } from './alias-trash.service';
import { SharedAliasCategoriesService } from './shared-alias-categories.service';
import { SharedAliasesController } from './shared-aliases.controller';
import { SharedAliasesRepository } from './shared-aliases.repository';
import { SharedAliasesService } from './shared-aliases.service';

/** Per-user aliases and categories, CozyGen import/export (A-1 … A-10), others' shared aliases and categories (U-5). */
@Module({
  controllers: [SharedAliasesController, AliasesController, AliasCategoriesController],
  providers: [AliasesService, AliasReferencesService, AliasCategoriesService, AliasesFileService, AliasTrashService, SharedAliasesService, SharedAliasCategoriesService, SharedAliasesRepository],
})
export class AliasesModule {}
