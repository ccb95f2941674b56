import { Injectable } from '@nestjs/common';
import type { ApplyPresetResponse } from '@app/shared/contracts/api/presets';
import type { FormValues } from '@app/shared/form/field-types';
import { applyPreset } from '@app/shared/presets/apply-preset';
import { PresetsRepository } from '@app/server/repositories/presets.repository';
import { UploadsRepository } from '@app/server/repositories/uploads.repository';
import { isUuid } from '@app/server/system/ids';
import { WorkflowsService } from '../workflows/workflows.service';
import { findVisiblePreset } from './preset-access';

/** P-3: a preset applied to the workflow's current version, with live choices and the caller's uploads. */
@Injectable()
export class PresetApplyService {
  constructor(
    private readonly presets: PresetsRepository,
    private readonly workflows: WorkflowsService,
    private readonly uploads: UploadsRepository,
  ) {}

  async apply(userId: string, id: string, current: FormValues): Promise<ApplyPresetResponse> {
    const preset = await findVisiblePreset(this.presets, userId, id);
    const { schema } = await this.workflows.live(preset.workflowId);
    const imageFields = new Set(schema.fields.filter((field) => field.type === 'image').map((field) => field.name));
    const references = Object.entries(preset.values).flatMap(([key, value]) => (imageFields.has(key) && typeof value === 'string' && isUuid(value) ? [value] : []));
    const existing = new Set<string>();
    for (const reference of references) if (await this.uploads.findForUser(userId, reference.toLowerCase())) existing.add(reference);
    return applyPreset(schema, current, preset.values, { imageExists: (reference) => existing.has(reference) });
  }
}
