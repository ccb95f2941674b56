import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CozyGenAliasesFile } from '@app/shared/prompt/aliases-file';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import {
  AliasDetailDto,
  AliasDto,
  AliasImportQueryDto,
  AliasImportReportDto,
  AliasListDto,
  AliasListQueryDto,
  CreateAliasDto,
  RestoreAliasDto,
  RewriteAliasReferencesDto,
  AliasReferencesReportDto,
  UpdateAliasDto,
} from './aliases.dto';
import { AliasesFileService } from './aliases-file.service';
import { AliasesService } from './aliases.service';
import { AliasTrashService } from './alias-trash.service';
import { AliasReferencesService } from './alias-references.service';

/** The caller's own aliases; another user's alias is "not found" (U-5). */
@ApiTags('aliases')
@Controller('aliases')
export class AliasesController {
  constructor(
    private readonly aliases: AliasesService,
    private readonly files: AliasesFileService,
    private readonly trash: AliasTrashService,
    private readonly references: AliasReferencesService,
  ) {}

  @Get()
  @ZodResponse({ type: AliasListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: AliasListQueryDto) {
    return this.aliases.list(user.id, query);
  }

  // Declared before `:id` so the literal path wins. Not serialised through zod: a record schema drops
  // own keys such as `__proto__`, which are valid alias names.
  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="aliases.json"')
  @ApiOkResponse({ description: "CozyGen's aliases.json shape: {items, categories, categoryList}" })
  export(@CurrentUser() user: AuthUser): Promise<CozyGenAliasesFile> {
    return this.files.export(user.id);
  }

  @Post('import')
  @ApiBody({ description: "CozyGen's aliases.json ({items, categories, categoryList} or flat {name: text}), at most 5 MB" })
  @ZodResponse({ status: 200, type: AliasImportReportDto })
  import(@CurrentUser() user: AuthUser, @Query() query: AliasImportQueryDto, @Body() body: unknown) {
    return this.files.import(user.id, body, query);
  }

  @Post('rewrite-references')
  @ZodResponse({ status: 200, type: AliasReferencesReportDto })
  rewriteReferences(@CurrentUser() user: AuthUser, @Body() body: RewriteAliasReferencesDto) {
    return this.references.rewrite(user.id, body);
  }

  @Get(':id')
  @ZodResponse({ type: AliasDetailDto })
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.aliases.get(user.id, id);
  }

  @Post()
  @ZodResponse({ status: 201, type: AliasDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAliasDto) {
    return this.aliases.create(user.id, body);
  }

  @Patch(':id')
  @ZodResponse({ type: AliasDto })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateAliasDto) {
    return this.aliases.update(user.id, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.trash.delete(user.id, id);
  }

  /** A-8 undo: the alias deleted within the last 24 h comes back with its id, revision and kept texts. */
  @Post(':id/undelete')
  @ZodResponse({ status: 200, type: AliasDto })
  undelete(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.trash.undelete(user.id, id);
  }

  @Post(':id/restore')
  @ZodResponse({ status: 200, type: AliasDto })
  restore(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: RestoreAliasDto) {
    return this.aliases.restore(user.id, id, body.revision);
  }
}
