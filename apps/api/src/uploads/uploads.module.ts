import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Image uploads for image fields (J-2, S-15). */
@Module({
  imports: [MediaModule],
  controllers: [UploadsController],
  providers: [UploadsService],
})
export class UploadsModule {}
