import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { z } from 'zod';
import { ALIAS_PAGE_MAX, aliasDetailSchema, aliasImportReportSchema, aliasListSchema, aliasReferencesReportSchema, aliasSchema } from '@app/shared/contracts/api/aliases';
import type { Alias, AliasDetail, AliasImportQuery, AliasImportReport, AliasReferencesReport, CreateAlias, RewriteAliasReferences, UpdateAlias } from '@app/shared/contracts/api/aliases';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { resetOnUserChange } from '../../auth/resetOnUserChange';

/** How many recently inserted aliases the autocomplete remembers (A-12 "recent first"). */
const RECENT_LIMIT = 30;

function byKey(a: Alias, b: Alias): number {
  const left = a.key.toLowerCase();
  const right = b.key.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The user's aliases (§4.1), all of them: the library lists them, the autocomplete ranks them, and
 * the index expands prompts in the browser. Every change made here updates the list, so
 * previews follow edits at once.
 */
export const useAliasesStore = defineStore('aliases', () => {
  const items = shallowRef<Alias[]>([]);
  const state = ref<LoadState>({ status: 'idle' });
  const index = computed(() => buildAliasIndex(items.value));
  /** Lower-cased keys, newest first; this session only, so nothing of it stays on a shared device. */
  const recentKeys = ref<string[]>([]);

  /** Every page (A-1 caps a user at 10,000 aliases, so at most ten reads). */
  async function loadAll(): Promise<void> {
    state.value = { status: 'loading' };
    try {
      const all: Alias[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: String(ALIAS_PAGE_MAX), ...(cursor ? { cursor } : {}) };
        const page = await request('GET', '/aliases', { query, schema: aliasListSchema });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      items.value = all;
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  let loading: Promise<void> | null = null;

  /** Reads them once per session; later calls reuse the list, or wait for the read under way. */
  function ensureLoaded(): Promise<void> {
    if (state.value.status === 'idle' || state.value.status === 'error') {
      loading = loadAll().finally(() => {
        loading = null;
      });
    }
    return loading ?? Promise.resolve();
  }

  /** Adds or replaces aliases, keeping the list in key order. */
  function put(...added: Alias[]): void {
    const ids = new Set(added.map((alias) => alias.id));
    items.value = [...items.value.filter((existing) => !ids.has(existing.id)), ...added].sort(byKey);
  }

  async function create(input: CreateAlias): Promise<Alias> {
    const alias = await request('POST', '/aliases', { body: input, schema: aliasSchema });
    put(alias);
    return alias;
  }

  /** S-11: `patch.revision` is the one the user edited; a newer one on the server answers 409. */
  async function update(id: string, patch: UpdateAlias): Promise<Alias> {
    const alias = await request('PATCH', `/aliases/${id}`, { body: patch, schema: aliasSchema });
    put(alias);
    return alias;
  }

  async function remove(id: string): Promise<void> {
    await request('DELETE', `/aliases/${id}`);
    items.value = items.value.filter((existing) => existing.id !== id);
  }

  /** A-8 undo: the api brings the deleted alias back with its id, revision and earlier texts. */
  async function undelete(id: string): Promise<Alias> {
    const alias = await request('POST', `/aliases/${id}/undelete`, { schema: aliasSchema });
    put(alias);
    return alias;
  }

  /**
   * The alias as stored now, with its last 20 texts. Its list entry is refreshed if it is
   * still listed; one deleted while this was read stays deleted.
   */
  async function loadDetail(id: string): Promise<AliasDetail> {
    const detail = await request('GET', `/aliases/${id}`, { schema: aliasDetailSchema });
    const { revisions: _revisions, ...alias } = detail;
    if (items.value.some((existing) => existing.id === id)) put(alias);
    return detail;
  }

  async function restore(id: string, revision: number): Promise<Alias> {
    const alias = await request('POST', `/aliases/${id}/restore`, { body: { revision }, schema: aliasSchema });
    put(alias);
    return alias;
  }

  /** the file as parsed JSON; the list is read again afterwards, since an import may touch everything. */
  async function importFile(file: unknown, options: AliasImportQuery): Promise<AliasImportReport> {
    const report = await request('POST', '/aliases/import', { body: file, query: { mode: options.mode, onInvalid: options.onInvalid }, schema: aliasImportReportSchema });
    await loadAll();
    return report;
  }

  /**
   * CozyGen's aliases.json as text. Not narrowed by a schema on purpose: names such as
   * `__proto__` are legal and a record schema would drop them.
   */
  async function exportFile(): Promise<string> {
    const file = await request('GET', '/aliases/export', { schema: z.unknown() });
    return `${JSON.stringify(file, null, 2)}\n`;
  }

  /**
   * A-8: points tokens that name former keys at the new ones (presets, remembered values, other
   * aliases); a dry run only counts. Other aliases' texts may change, so the list is read again.
   */
  async function rewriteReferences(renames: RewriteAliasReferences['renames'], dryRun: boolean): Promise<AliasReferencesReport> {
    const report = await request('POST', '/aliases/rewrite-references', { body: { renames, dryRun }, schema: aliasReferencesReportSchema });
    if (report.aliases > 0 && !dryRun) await loadAll();
    return report;
  }

  /** The user inserted this alias: it lists first next time. */
  function noteUsed(key: string): void {
    const wanted = key.toLowerCase();
    recentKeys.value = [wanted, ...recentKeys.value.filter((known) => known !== wanted)].slice(0, RECENT_LIMIT);
  }

  resetOnUserChange(() => {
    items.value = [];
    state.value = { status: 'idle' };
    recentKeys.value = [];
  });

  return { items, state, index, recentKeys, loadAll, ensureLoaded, put, create, update, remove, undelete, loadDetail, restore, importFile, exportFile, rewriteReferences, noteUsed };
});
