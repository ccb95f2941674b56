import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/route-access.decorators';
import { sendMediaFile } from './send-media-file';
import { MediaService } from './media.service';

/**
 * S-24 media: public because `<img>` and `<video>` cannot send an Authorization header; the
 * signed URL is the credential, and the service re-checks access on every request.
 */
@ApiExcludeController()
@Public()
@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Get(':resource/:id/:variant')
  async serve(@Param() params: Record<string, string>, @Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const file = await this.media.resolve({ ...query, ...params });
    await sendMediaFile(request, response, file);
  }
}
