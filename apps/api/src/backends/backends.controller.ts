import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { backendListSchema, backendRefreshSchema, type BackendList, type BackendRefresh } from '@app/shared/contracts/api/backends';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AdminOnly } from '../common/route-access.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BackendsService } from './backends.service';

class BackendListDto extends createZodDto(backendListSchema) {}
class BackendRefreshDto extends createZodDto(backendRefreshSchema) {}

/** E-2: backends with their health and our jobs on each, for admins; W-14: "refresh now". */
@ApiTags('backends')
@AdminOnly()
@Controller('backends')
export class BackendsController {
  constructor(private readonly backends: BackendsService) {}

  @Get()
  @ZodResponse({ type: BackendListDto })
  list(): Promise<BackendList> {
    return this.backends.list();
  }

  /** Reads the backend's catalogue again now (new models or input files show in choice lists). */
  @Post(':id/refresh')
  @HttpCode(200)
  @ZodResponse({ type: BackendRefreshDto })
  refresh(@Param('id', UuidParamPipe) id: string): Promise<BackendRefresh> {
    return this.backends.refresh(id);
  }
}
