import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue.service';
import { RunCaps } from './run-caps.service';
import { WorkflowsController } from './workflows.controller';
import { WorkflowsService } from './workflows.service';

@Module({
  controllers: [WorkflowsController],
  providers: [WorkflowsService, CatalogueService, RunCaps],
  exports: [WorkflowsService, CatalogueService, RunCaps],
})
export class WorkflowsModule {}
