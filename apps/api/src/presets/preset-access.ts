import type { Preset, SharedPreset } from '@app/shared/contracts/api/presets';
import { ConflictError, ForbiddenError, NotFoundError } from '@app/shared/contracts/errors';
import { MAX_PRESETS_PER_WORKFLOW } from '@app/shared/presets/preset-limits';
import type { PresetsRepository, StoredPreset } from '@app/server/repositories/presets.repository';

export function toPreset({ id, workflowId, name, values, shared, createdAt, updatedAt }: StoredPreset): Preset {
  return { id, workflowId, name, values, shared, createdAt, updatedAt };
}

export function toSharedPreset({ id, workflowId, name, values, ownerName, createdAt, updatedAt }: StoredPreset): SharedPreset {
  return { id, workflowId, name, values, ownerName, createdAt, updatedAt };
}

/** The caller's own preset or another user's shared one; anything else does not exist for them (U-5). */
export async function findVisiblePreset(presets: PresetsRepository, userId: string, id: string): Promise<StoredPreset> {
  const preset = await presets.findById(id);
  if (!preset || (preset.userId !== userId && !preset.shared)) throw new NotFoundError('Preset not found');
  return preset;
}

/** The caller's own preset; a shared one of someone else is visible but read-only. */
export async function findOwnPreset(presets: PresetsRepository, userId: string, id: string): Promise<StoredPreset> {
  const preset = await findVisiblePreset(presets, userId, id);
  if (preset.userId !== userId) throw new ForbiddenError('Shared presets are read-only; copy it to make it yours');
  return preset;
}

export function presetNameTaken(name: string): ConflictError {
  return new ConflictError(`You already have a preset named ${name} for this workflow`, [{ field: 'body.name', message: 'is already used (ignoring case)' }]);
}

export function tooManyPresets(): ConflictError {
  return new ConflictError(`You have ${MAX_PRESETS_PER_WORKFLOW} presets for this workflow, the most allowed; delete some first`);
}
