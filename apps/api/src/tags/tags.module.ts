import { Module } from '@nestjs/common';
import { TagImportController, TagsController } from './tags.controller';
import { TagImportService } from './tag-import.service';
import { TagsService } from './tags.service';

/** The server-wide tag list: search, categories, validation, admin import (T-1 … T-7). */
@Module({
  controllers: [TagsController, TagImportController],
  providers: [TagsService, TagImportService],
})
export class TagsModule {}
