import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue.service';
import { WorkflowsController } from './workflows.controller';
import { WorkflowsService } from './workflows.service';

@Module({
  controllers: [WorkflowsController],
  providers: [WorkflowsService, CatalogueService],
  exports: [WorkflowsService, CatalogueService],
})
export class WorkflowsModule {}
