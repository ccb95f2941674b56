import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { z } from 'zod';
import { applyPresetResponseSchema, presetImportReportSchema, presetListSchema, presetSchema } from '@app/shared/contracts/api/presets';
import type { ApplyPresetResponse, Preset, PresetImportReport, SavePreset, SharedPreset, UpdatePreset } from '@app/shared/contracts/api/presets';
import type { FormValues } from '@app/shared/form/field-types';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { resetOnUserChange } from '../../auth/resetOnUserChange';

function newestFirst(list: readonly Preset[]): Preset[] {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** One workflow's presets (P-1 … P-4): the user's own, newest first, and others' shared ones. */
export const usePresetsStore = defineStore('presets', () => {
  const items = shallowRef<Preset[]>([]);
  const shared = shallowRef<SharedPreset[]>([]);
  const state = ref<LoadState>({ status: 'idle' });
  let generation = 0;

  async function load(workflow: string): Promise<void> {
    const mine = ++generation;
    state.value = { status: 'loading' };
    try {
      const list = await request('GET', `/workflows/${workflow}/presets`, { schema: presetListSchema });
      if (mine !== generation) return;
      items.value = newestFirst(list.items);
      shared.value = list.shared;
      state.value = { status: 'ready' };
    } catch (error) {
      if (mine === generation) state.value = { status: 'error', message: describeError(error) };
    }
  }

  function put(preset: Preset): void {
    items.value = newestFirst([...items.value.filter((existing) => existing.id !== preset.id), preset]);
  }

  /** P-2: the same name (ignoring case) overwrites that preset. */
  async function save(workflow: string, input: SavePreset): Promise<Preset> {
    const preset = await request('POST', `/workflows/${workflow}/presets`, { body: input, schema: presetSchema });
    put(preset);
    return preset;
  }

  async function update(id: string, patch: UpdatePreset): Promise<Preset> {
    const preset = await request('PATCH', `/presets/${id}`, { body: patch, schema: presetSchema });
    put(preset);
    return preset;
  }

  async function remove(id: string): Promise<void> {
    await request('DELETE', `/presets/${id}`);
    items.value = items.value.filter((existing) => existing.id !== id);
  }

  /** A shared preset becomes the user's own (private); a name clash answers 409. */
  async function copy(id: string): Promise<Preset> {
    const preset = await request('POST', `/presets/${id}/copy`, { body: {}, schema: presetSchema });
    put(preset);
    return preset;
  }

  /** P-3 by the server, which knows the live choices and the user's uploads; writes nothing. */
  function apply(id: string, values: FormValues): Promise<ApplyPresetResponse> {
    return request('POST', `/presets/${id}/apply`, { body: { values }, schema: applyPresetResponseSchema });
  }

  /** P-4's file as text; its shape is the server's to keep, so it is not narrowed here. */
  async function exportFile(workflow: string): Promise<string> {
    const file = await request('GET', `/workflows/${workflow}/presets/export`, { schema: z.unknown() });
    return `${JSON.stringify(file, null, 2)}\n`;
  }

  async function importFile(workflow: string, file: unknown, entry?: string): Promise<PresetImportReport> {
    const report = await request('POST', `/workflows/${workflow}/presets/import`, { body: file, ...(entry ? { query: { file: entry } } : {}), schema: presetImportReportSchema });
    await load(workflow);
    return report;
  }

  resetOnUserChange(() => {
    items.value = [];
    shared.value = [];
    state.value = { status: 'idle' };
  });

  return { items, shared, state, load, save, update, remove, copy, apply, exportFile, importFile };
});
