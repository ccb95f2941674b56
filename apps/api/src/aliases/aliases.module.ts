import { Module } from '@nestjs/common';
import { AliasCategoriesController } from './alias-categories.controller';
import { AliasCategoriesService } from './alias-categories.service';
import { AliasesFileService } from './aliases-file.service';
import { AliasesController } from './aliases.controller';
import { AliasesService } from './aliases.service';

/** Per-user aliases and categories, CozyGen import/export (A-1 … A-10). */
@Module({
  controllers: [AliasesController, AliasCategoriesController],
  providers: [AliasesService, AliasCategoriesService, AliasesFileService],
})
export class AliasesModule {}
