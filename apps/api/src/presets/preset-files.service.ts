import { Injectable } from '@nestjs/common';
import type { PresetImportQuery, PresetImportReport } from '@app/shared/contracts/api/presets';
import { ConflictError, NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { MAX_PRESETS_PER_WORKFLOW } from '@app/shared/presets/preset-limits';
import { exportPresetsFile, readPresetsFile, type CozyPresetsFile } from '@app/shared/presets/preset-files';
import { PresetsRepository } from '@app/server/repositories/presets.repository';
import { WorkflowsRepository, type WorkflowRecord } from '@app/server/repositories/workflows.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';

/** P-4: a user's presets for one workflow as a file, and files (ours or CozyGen's) back in. */
@Injectable()
export class PresetFilesService {
  constructor(
    private readonly presets: PresetsRepository,
    private readonly workflows: WorkflowsRepository,
    private readonly clock: Clock,
  ) {}

  async export(userId: string, workflowId: string): Promise<CozyPresetsFile> {
    const workflow = await this.requireWorkflow(workflowId);
    return exportPresetsFile(workflow, await this.presets.listOwn(userId, workflowId));
  }

  /**
   * Saves every usable preset of the file as saving does (P-2: same name → overwritten), all in
   * one transaction: over the limit, nothing is written. File times are kept when present.
   */
  async import(userId: string, workflowId: string, body: unknown, query: PresetImportQuery): Promise<PresetImportReport> {
    const workflow = await this.requireWorkflow(workflowId);
    const file = readPresetsFile(body, workflow.name, { file: query.file });
    if (!file.ok) throw new ValidationError('The presets file cannot be imported; nothing was imported', file.errors);
    const counts = await this.presets.transaction(async (tx) => {
      const now = this.clock.now();
      let added = 0;
      let replaced = 0;
      for (const preset of file.presets) {
        const existing = await tx.findByName(userId, workflowId, preset.name);
        if (existing) {
          await tx.update(existing.id, { name: preset.name, values: preset.values }, preset.updated ?? now);
          replaced += 1;
        } else {
          const createdAt = preset.created ?? now;
          await tx.insert({ id: newId(), userId, workflowId, name: preset.name, values: preset.values, shared: false, createdAt, updatedAt: preset.updated ?? createdAt });
          added += 1;
        }
      }
      const total = await tx.count(userId, workflowId);
      if (total > MAX_PRESETS_PER_WORKFLOW) {
        throw new ConflictError(`The import would give you ${total} presets for this workflow; at most ${MAX_PRESETS_PER_WORKFLOW}. Nothing was imported`);
      }
      return { added, replaced };
    });
    return { format: file.format, ...counts, notices: file.notices };
  }

  private async requireWorkflow(workflowId: string): Promise<WorkflowRecord> {
    const workflow = await this.workflows.find(workflowId);
    if (!workflow) throw new NotFoundError('Workflow not found');
    return workflow;
  }
}
