import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { Dispatcher } from './dispatcher.service';
import { GenerationsController } from './generations.controller';
import { GenerationsService } from './generations.service';
import { JobViews } from './job-views.service';

@Module({
  imports: [WorkflowsModule, MediaModule],
  controllers: [GenerationsController],
  providers: [GenerationsService, Dispatcher, JobViews],
  exports: [JobViews],
})
export class GenerationsModule {}
