import type { Alias, AliasCategoryList } from '@app/shared/contracts/api/aliases';
import { formatAliasKey } from '@app/shared/prompt/alias-syntax';
import { normaliseAliasesFile } from '@app/shared/prompt/aliases-file';
import { readFixtureJson } from '@test/fixtures';

const CREATED = Date.UTC(2025, 0, 2);

/** An alias as the api answers it; ids are stable per key so tests can name routes. */
export function alias(category: string | null, name: string, text: string, overrides: Partial<Alias> = {}): Alias {
  const key = formatAliasKey(category, name);
  return { id: aliasId(key), category, name, key, text, revision: 1, shared: false, createdAt: CREATED, updatedAt: CREATED, ...overrides };
}

/** A uuid-shaped id derived from the key (routes take uuids). */
export function aliasId(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return `0193a000-0000-7000-8000-${hash.toString(16).padStart(12, '0')}`;
}

/** CozyGen's real aliases.json (30 aliases in 5 categories), read by the shared importer. */
export function fixtureAliases(): Alias[] {
  const file = normaliseAliasesFile(readFixtureJson('aliases/cozygen-aliases.json'));
  if (!file.ok) throw new Error(`fixture does not import: ${JSON.stringify(file.errors)}`);
  return file.value.aliases.map((entry, position) => alias(entry.category, entry.name, entry.text, { updatedAt: CREATED + position }));
}

/** The categories of `aliases`, in first-seen order, as `GET /alias-categories` answers. */
export function categoriesOf(aliases: readonly Alias[]): AliasCategoryList {
  const names = [...new Set(aliases.flatMap((entry) => (entry.category ? [entry.category] : [])))];
  return {
    items: names.map((name, position) => ({ id: aliasId(`category:${name}`), name, position, count: aliases.filter((entry) => entry.category === name).length })),
    uncategorised: aliases.filter((entry) => entry.category === null).length,
  };
}

/** `GET /aliases?limit=1000` with every alias on one page, ordered by key ignoring case as the api does. */
export function aliasPage(aliases: readonly Alias[]) {
  const items = [...aliases].sort((a, b) => (a.key.toLowerCase() < b.key.toLowerCase() ? -1 : a.key.toLowerCase() > b.key.toLowerCase() ? 1 : 0));
  return { items, total: aliases.length, nextCursor: null };
}
