import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { TAG_IMPORT_FILE_FIELD, tagCategoryListSchema, tagImportReportSchema } from '@app/shared/contracts/api/tags';
import type { TagCategoryList, TagImportProgress, TagImportReport } from '@app/shared/contracts/api/tags';
import { ApiError, describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';

/** One import as the screen shows it: sent, moving (socket progress), then a report or the refusal. */
export type TagImportRun =
  | { status: 'idle' }
  | { status: 'running'; fileName: string; progress: TagImportProgress | null }
  | { status: 'done'; report: TagImportReport }
  | { status: 'failed'; fileName: string; message: string; lines: string[] };

/** T-1/T-2 for admins: the list being served, and replacing it from a file. */
export const useTagListStore = defineStore('tagList', () => {
  const current = shallowRef<TagCategoryList | null>(null);
  const state = ref<LoadState>({ status: 'idle' });
  const run = shallowRef<TagImportRun>({ status: 'idle' });

  async function load(): Promise<void> {
    state.value = { status: 'loading' };
    try {
      current.value = await request('GET', '/tags/categories', { schema: tagCategoryListSchema });
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  /** Answers when the new list serves (or the api refused it); never throws. */
  async function importFile(file: File): Promise<void> {
    if (run.value.status === 'running') return;
    run.value = { status: 'running', fileName: file.name, progress: null };
    const body = new FormData();
    body.append(TAG_IMPORT_FILE_FIELD, file, file.name);
    try {
      const report = await request('POST', '/admin/tags/import', { body, schema: tagImportReportSchema });
      run.value = { status: 'done', report };
      await load();
    } catch (error) {
      const lines = error instanceof ApiError ? error.fieldErrors.filter((problem) => problem.field.startsWith('file.line.')).map((problem) => problem.message) : [];
      run.value = { status: 'failed', fileName: file.name, message: describeError(error), lines };
    }
  }

  /** `tags.import.progress` from the socket; only the import this screen started is moving. */
  function applyProgress(progress: TagImportProgress): void {
    if (run.value.status === 'running') run.value = { ...run.value, progress };
  }

  return { current, state, run, load, importFile, applyProgress };
});
