import { Controller, Delete, Get, HttpCode, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { MediaService } from '../media/media.service';
import { sendMediaFile } from '../media/send-media-file';
import { OutputDetailDto, OutputListDto, OutputQueryDto, ThumbQueryDto } from './outputs.dto';
import { OutputsService } from './outputs.service';

/** Bearer-authenticated file answers are cacheable by the client for a day (ETag revalidates). */
const PRIVATE_MAX_AGE = 86_400;

@ApiTags('outputs')
@Controller('outputs')
export class OutputsController {
  constructor(
    private readonly outputs: OutputsService,
    private readonly media: MediaService,
  ) {}

  @Get()
  @ZodResponse({ type: OutputListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: OutputQueryDto) {
    return this.outputs.list(user, query);
  }

  @Get(':id')
  @ZodResponse({ type: OutputDetailDto })
  detail(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string) {
    return this.outputs.detail(user, id);
  }

  @Get(':id/file')
  async file(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendMediaFile(request, response, await this.media.fileFor(user.id, 'output', id, 'original', PRIVATE_MAX_AGE));
  }

  @Get(':id/thumb')
  async thumb(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Query() query: ThumbQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendMediaFile(request, response, await this.media.fileFor(user.id, 'output', id, query.size === '768' ? 'thumb768' : 'thumb256', PRIVATE_MAX_AGE));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.outputs.remove(user, id);
  }
}
