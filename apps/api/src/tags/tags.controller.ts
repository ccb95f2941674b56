import { Body, Controller, Get, Post, Query, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { TAG_IMPORT_FILE_FIELD, TAG_IMPORT_MAX_BYTES } from '@app/shared/contracts/api/tags';
import type { Request } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { AdminOnly, RequireScope } from '../common/route-access.decorators';
import { FileTooLargeFilter } from '../uploads/file-too-large.filter';
import { readSingleFile } from '../uploads/multipart-file';
import { TagCategoryListDto, TagImportReportDto, TagPageDto, TagSearchQueryDto, TagValidationDto, ValidateTagsDto } from './tags.dto';
import { TagImportService } from './tag-import.service';
import { TagsService } from './tags.service';

@ApiTags('tags')
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ZodResponse({ type: TagPageDto })
  search(@Query() query: TagSearchQueryDto) {
    return this.tags.search(query);
  }

  @Get('categories')
  @ZodResponse({ type: TagCategoryListDto })
  categories() {
    return this.tags.categories();
  }

  /** Writes nothing, so a read-only token may validate. */
  @Post('validate')
  @RequireScope('read')
  @ZodResponse({ status: 200, type: TagValidationDto })
  validate(@Body() body: ValidateTagsDto) {
    return this.tags.validate(body.text);
  }
}

@ApiTags('tags')
@Controller('admin/tags')
export class TagImportController {
  constructor(private readonly imports: TagImportService) {}

  /**
   * T-2: a CSV or CozyGen `danbooru_tags.md` in the multipart field `file` (≤ 25 MB); answers when
   * the new list serves, with `tags.import.progress` events to the caller's sockets meanwhile.
   */
  @AdminOnly()
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [TAG_IMPORT_FILE_FIELD], properties: { [TAG_IMPORT_FILE_FIELD]: { type: 'string', format: 'binary' } } } })
  @UseFilters(new FileTooLargeFilter(TAG_IMPORT_FILE_FIELD))
  @ZodResponse({ status: 200, type: TagImportReportDto })
  async import(@Req() request: Request, @CurrentUser() user: AuthUser) {
    const file = await readSingleFile(request, { field: TAG_IMPORT_FILE_FIELD, maxBytes: TAG_IMPORT_MAX_BYTES });
    return this.imports.import(file.data, file.fileName, user.id);
  }
}
