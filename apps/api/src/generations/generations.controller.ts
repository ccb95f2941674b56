import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CancelResultDto, CreatedGenerationsDto, CreateGenerationDto, JobDetailDto, JobListDto, PageQueryDto, RetryDto } from './generations.dto';
import { GenerationsService } from './generations.service';

@ApiTags('generations')
@Controller('generations')
export class GenerationsController {
  constructor(private readonly generations: GenerationsService) {}

  @Post()
  @ZodResponse({ status: 202, type: CreatedGenerationsDto })
  submit(@CurrentUser() user: AuthUser, @Body() body: CreateGenerationDto) {
    return this.generations.submit(user, body);
  }

  @Get()
  @ZodResponse({ type: JobListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto) {
    return this.generations.list(user, query);
  }

  @Get(':id')
  @ZodResponse({ type: JobDetailDto })
  detail(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.generations.detail(user, id);
  }

  @Delete(':id')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: CancelResultDto })
  cancel(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.generations.cancel(user, id);
  }

  @Post(':id/retry')
  @ZodResponse({ status: 202, type: CreatedGenerationsDto })
  retry(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: RetryDto) {
    return this.generations.retry(user, id, body.newSeed);
  }
}
