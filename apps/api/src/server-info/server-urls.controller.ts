import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { serverUrlsSchema, type ServerUrls } from '@app/shared/contracts/api/server';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { studioUrls } from '@app/server/system/studio-urls';
import { createZodDto, ZodResponse } from 'nestjs-zod';

class ServerUrlsDto extends createZodDto(serverUrlsSchema) {}

/** the URLs the start banner prints, for Profile → "Open on your phone"; any signed-in user. */
@ApiTags('server')
@Controller('server')
export class ServerUrlsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('urls')
  @ZodResponse({ type: ServerUrlsDto })
  urls(): ServerUrls {
    const { local, lan } = studioUrls({ port: this.config.port, host: this.config.host, secure: this.config.tls !== undefined });
    return { local, lan: [...lan] };
  }
}
