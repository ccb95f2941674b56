import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { RequireScope } from '../common/route-access.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import {
  ApplyPresetRequestDto,
  ApplyPresetResponseDto,
  CopyPresetDto,
  PresetDto,
  PresetImportQueryDto,
  PresetImportReportDto,
  PresetListDto,
  SavePresetDto,
  UpdatePresetDto,
} from './presets.dto';
import { PresetApplyService } from './preset-apply.service';
import { PresetFilesService } from './preset-files.service';
import { PresetsService } from './presets.service';

/** A workflow's presets: the caller's own and others' shared ones (P-1 … P-4, U-5). */
@ApiTags('presets')
@Controller('workflows/:workflowId/presets')
export class WorkflowPresetsController {
  constructor(
    private readonly presets: PresetsService,
    private readonly files: PresetFilesService,
  ) {}

  @Get()
  @ZodResponse({ type: PresetListDto })
  list(@CurrentUser() user: AuthUser, @Param('workflowId', UuidParamPipe) workflowId: string) {
    return this.presets.list(user.id, workflowId);
  }

  /** P-2: 201 for a new preset, 200 when a preset of that name (ignoring case) was overwritten. */
  @Post()
  @ZodResponse({ status: 200, type: PresetDto })
  async save(@CurrentUser() user: AuthUser, @Param('workflowId', UuidParamPipe) workflowId: string, @Body() body: SavePresetDto, @Res({ passthrough: true }) response: Response) {
    const { preset, created } = await this.presets.save(user.id, workflowId, body);
    if (created) response.status(201);
    return preset;
  }

  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="presets.json"')
  @ApiOkResponse({ description: 'P-4: {"format":"cozy-presets","version":1,"workflow":{name,version},"presets":[{name,values,created,updated}]}' })
  export(@CurrentUser() user: AuthUser, @Param('workflowId', UuidParamPipe) workflowId: string) {
    return this.files.export(user.id, workflowId);
  }

  @Post('import')
  @ApiBody({ description: "A cozy-presets export or CozyGen's workflow_presets.json (version 2 or older), at most 5 MB" })
  @ZodResponse({ status: 200, type: PresetImportReportDto })
  import(@CurrentUser() user: AuthUser, @Param('workflowId', UuidParamPipe) workflowId: string, @Query() query: PresetImportQueryDto, @Body() body: unknown) {
    return this.files.import(user.id, workflowId, body, query);
  }
}

/** One preset by id: changes and deletion by its owner, copy and apply by anyone who sees it. */
@ApiTags('presets')
@Controller('presets')
export class PresetsController {
  constructor(
    private readonly presets: PresetsService,
    private readonly applier: PresetApplyService,
  ) {}

  @Patch(':id')
  @ZodResponse({ type: PresetDto })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdatePresetDto) {
    return this.presets.update(user.id, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.presets.delete(user.id, id);
  }

  @Post(':id/copy')
  @ZodResponse({ status: 201, type: PresetDto })
  copy(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: CopyPresetDto) {
    return this.presets.copy(user.id, id, body);
  }

  /** P-3 against the workflow's current version; writes nothing. */
  @Post(':id/apply')
  @RequireScope('read')
  @ZodResponse({ status: 200, type: ApplyPresetResponseDto })
  apply(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: ApplyPresetRequestDto) {
    return this.applier.apply(user.id, id, body.values);
  }
}
