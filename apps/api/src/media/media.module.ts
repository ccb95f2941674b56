import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { resolveJwtSecret } from '@app/server/config/secret';
import { MediaSigner } from '@app/server/media/media-signer';
import { MediaController } from './media.controller';
import { MediaUrls } from '@app/server/media/media-urls';
import { MediaService } from './media.service';

/** Signed media URLs (S-24): the serving route, and `MediaUrls` for modules that hand URLs out. */
@Module({
  controllers: [MediaController],
  providers: [
    { provide: MediaSigner, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new MediaSigner(resolveJwtSecret(config)) },
    MediaUrls,
    MediaService,
  ],
  exports: [MediaUrls, MediaService],
})
export class MediaModule {}
