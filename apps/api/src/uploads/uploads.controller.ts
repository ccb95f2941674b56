import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { UPLOAD_FILE_FIELD } from '@app/shared/contracts/api/uploads';
import { UPLOAD_MAX_BYTES } from '@app/server/media/image-upload';
import type { Request } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { FileTooLargeFilter } from './file-too-large.filter';
import { readSingleFile } from './multipart-file';
import { UploadDto, UploadListDto, UploadListQueryDto } from './uploads.dto';
import { UploadsService } from './uploads.service';

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  /** S-15: one PNG, JPEG or WebP in the multipart field `file`; needs the `generate` scope. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [UPLOAD_FILE_FIELD], properties: { [UPLOAD_FILE_FIELD]: { type: 'string', format: 'binary' } } } })
  @UseFilters(new FileTooLargeFilter(UPLOAD_FILE_FIELD))
  @ZodResponse({ status: 201, type: UploadDto })
  async create(@CurrentUser() user: AuthUser, @Req() request: Request) {
    const file = await readSingleFile(request, { field: UPLOAD_FILE_FIELD, maxBytes: UPLOAD_MAX_BYTES });
    return this.uploads.create(user, file);
  }

  @Get()
  @ZodResponse({ type: UploadListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: UploadListQueryDto) {
    return this.uploads.list(user, query);
  }

  @Get(':id')
  @ZodResponse({ type: UploadDto })
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.uploads.get(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.uploads.delete(user, id);
  }
}
