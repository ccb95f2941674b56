import { Module } from '@nestjs/common';
import { GenerationsModule } from '../generations/generations.module';
import { MediaModule } from '../media/media.module';
import { OutputsController } from './outputs.controller';
import { OutputsService } from './outputs.service';

@Module({
  imports: [GenerationsModule, MediaModule],
  controllers: [OutputsController],
  providers: [OutputsService],
})
export class OutputsModule {}
