import { Injectable } from '@nestjs/common';
import type { CopyPreset, Preset, PresetList, SavePreset, UpdatePreset } from '@app/shared/contracts/api/presets';
import { NotFoundError } from '@app/shared/contracts/errors';
import { MAX_PRESETS_PER_WORKFLOW, presetNameKey } from '@app/shared/presets/preset-limits';
import { PresetsRepository } from '@app/server/repositories/presets.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { findOwnPreset, findVisiblePreset, presetNameTaken, toPreset, toSharedPreset, tooManyPresets } from './preset-access';

/** P-1, P-2, U-5: a user's presets per workflow, and others' shared ones read-only. */
@Injectable()
export class PresetsService {
  constructor(
    private readonly presets: PresetsRepository,
    private readonly workflows: WorkflowsRepository,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, workflowId: string): Promise<PresetList> {
    await this.requireWorkflow(workflowId);
    const [own, shared] = await Promise.all([this.presets.listOwn(userId, workflowId), this.presets.listSharedByOthers(userId, workflowId)]);
    return { items: own.map(toPreset), shared: shared.map(toSharedPreset) };
  }

  /** P-2: a name the user already has for this workflow (ignoring case) is overwritten. */
  async save(userId: string, workflowId: string, input: SavePreset): Promise<{ preset: Preset; created: boolean }> {
    await this.requireWorkflow(workflowId);
    return this.presets.transaction(async (tx) => {
      const now = this.clock.now();
      const existing = await tx.findByName(userId, workflowId, input.name);
      if (existing) {
        await tx.update(existing.id, { name: input.name, values: input.values, shared: input.shared }, now);
        return { preset: toPreset(await this.reload(tx, existing.id)), created: false };
      }
      if ((await tx.count(userId, workflowId)) >= MAX_PRESETS_PER_WORKFLOW) throw tooManyPresets();
      const id = newId();
      await tx.insert({ id, userId, workflowId, name: input.name, values: input.values, shared: input.shared ?? false, createdAt: now, updatedAt: now });
      return { preset: toPreset(await this.reload(tx, id)), created: true };
    });
  }

  update(userId: string, id: string, input: UpdatePreset): Promise<Preset> {
    return this.presets.transaction(async (tx) => {
      const preset = await findOwnPreset(tx, userId, id);
      if (input.name !== undefined && presetNameKey(input.name) !== presetNameKey(preset.name)) {
        if (await tx.findByName(userId, preset.workflowId, input.name)) throw presetNameTaken(input.name);
      }
      await tx.update(id, input, this.clock.now());
      return toPreset(await this.reload(tx, id));
    });
  }

  async delete(userId: string, id: string): Promise<void> {
    await findOwnPreset(this.presets, userId, id);
    await this.presets.delete(id);
  }

  /** A visible preset (usually someone's shared one) becomes the caller's own, private. */
  copy(userId: string, id: string, input: CopyPreset): Promise<Preset> {
    return this.presets.transaction(async (tx) => {
      const source = await findVisiblePreset(tx, userId, id);
      const name = input.name ?? source.name;
      if (await tx.findByName(userId, source.workflowId, name)) {
        throw presetNameTaken(name);
      }
      if ((await tx.count(userId, source.workflowId)) >= MAX_PRESETS_PER_WORKFLOW) throw tooManyPresets();
      const now = this.clock.now();
      const copyId = newId();
      await tx.insert({ id: copyId, userId, workflowId: source.workflowId, name, values: source.values, shared: false, createdAt: now, updatedAt: now });
      return toPreset(await this.reload(tx, copyId));
    });
  }

  private async requireWorkflow(workflowId: string): Promise<void> {
    if (!(await this.workflows.find(workflowId))) throw new NotFoundError('Workflow not found');
  }

  private async reload(presets: PresetsRepository, id: string) {
    const preset = await presets.findById(id);
    if (!preset) throw new Error(`preset ${id} vanished inside its transaction`);
    return preset;
  }
}
