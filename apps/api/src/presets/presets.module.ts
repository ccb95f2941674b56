import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { PresetApplyService } from './preset-apply.service';
import { PresetFilesService } from './preset-files.service';
import { PresetsController, WorkflowPresetsController } from './presets.controller';
import { PresetsService } from './presets.service';

/** Per-user presets per workflow, sharing, apply, import and export (P-1 … P-4). */
@Module({
  imports: [WorkflowsModule],
  controllers: [WorkflowPresetsController, PresetsController],
  providers: [PresetsService, PresetApplyService, PresetFilesService],
})
export class PresetsModule {}
