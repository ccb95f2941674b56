import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { AdminOnly, RequireScope } from '../common/route-access.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CompileRequestDto, CompileResponseDto, CreateWorkflowDto, UpdateWorkflowDto, WorkflowDetailDto, WorkflowListDto, WorkflowMemoryDto } from './workflows.dto';
import { WorkflowsService } from './workflows.service';

@ApiTags('workflows')
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get()
  @ZodResponse({ type: WorkflowListDto })
  async list() {
    return { items: await this.workflows.list() };
  }

  @Get(':id')
  @ZodResponse({ type: WorkflowDetailDto })
  detail(@Param('id', UuidParamPipe) id: string) {
    return this.workflows.detail(id);
  }

  /** U-8: the caller's last submitted values for this workflow (empty before the first run). */
  @Get(':id/memory')
  @ZodResponse({ type: WorkflowMemoryDto })
  memory(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.workflows.memory(user, id);
  }

  /** W-21: a dry run — the compiled graph for these values; nothing is queued. */
  @Post(':id/compile')
  @RequireScope('read')
  @ZodResponse({ status: 200, type: CompileResponseDto })
  compile(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: CompileRequestDto) {
    return this.workflows.compile(user, id, body);
  }

  @AdminOnly()
  @Post()
  @ZodResponse({ status: 201, type: WorkflowDetailDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWorkflowDto) {
    return this.workflows.create(user, body);
  }

  @AdminOnly()
  @Patch(':id')
  @ZodResponse({ type: WorkflowDetailDto })
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateWorkflowDto) {
    return this.workflows.update(id, body);
  }

  /** PUT is accepted too: scripts that re-upload a graph expect it. */
  @AdminOnly()
  @Put(':id')
  @ZodResponse({ type: WorkflowDetailDto })
  replace(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateWorkflowDto) {
    return this.workflows.update(id, body);
  }

  @AdminOnly()
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.workflows.remove(id);
  }
}
