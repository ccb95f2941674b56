import { baseName, CATEGORY_SEPARATOR, formatAliasKey, lookupKey } from './alias-syntax';

/** What expansion needs to know about one alias. */
export interface AliasSource {
  category: string | null;
  name: string;
  text: string;
  revision?: number;
  id?: string;
}

export interface IndexedAlias extends AliasSource {
  /** `category::name` or `name`, as stored. */
  key: string;
}

export type AliasResolution =
  | { kind: 'found'; alias: IndexedAlias }
  | { kind: 'unknown' }
  /** Several aliases share the base name with different texts; keys in input order. */
  | { kind: 'ambiguous'; candidates: string[] };

interface BaseNameEntry {
  alias: IndexedAlias;
  candidates: string[];
  isUnanimous: boolean;
}

/** Built once per alias set, then reused for every text (N-8). */
export interface AliasIndex {
  readonly size: number;
  /** Lower-cased categories in use, so a bare `x::y` with an unknown `x` is not worth a warning. */
  readonly categories: ReadonlySet<string>;
  readonly byKey: ReadonlyMap<string, IndexedAlias>;
  readonly byBaseName: ReadonlyMap<string, BaseNameEntry>;
}

function addBaseName(byBaseName: Map<string, BaseNameEntry>, alias: IndexedAlias): void {
  const base = lookupKey(baseName(alias.key));
  const entry = byBaseName.get(base);
  if (!entry) {
    byBaseName.set(base, { alias, candidates: [alias.key], isUnanimous: true });
    return;
  }
  entry.candidates.push(alias.key);
  if (entry.alias.text !== alias.text) entry.isUnanimous = false;
}

/**
 * Indexes aliases for O(1) token lookup: each key as written and, for `category::name`,
 * also as `category:name`, ignoring case; plus base names for the unqualified fallback.
 * The first alias wins when two spell the same lookup key (A-1 makes that impossible for stored data).
 * @example buildAliasIndex([{ category: 'fruit', name: 'cherry', text: 'red' }])
 */
export function buildAliasIndex(aliases: readonly AliasSource[]): AliasIndex {
  const byKey = new Map<string, IndexedAlias>();
  const derived = new Map<string, IndexedAlias>();
  const byBaseName = new Map<string, BaseNameEntry>();
  const categories = new Set<string>();
  let added = 0;
  for (const source of aliases) {
    const alias: IndexedAlias = { ...source, key: formatAliasKey(source.category, source.name) };
    const key = lookupKey(alias.key);
    if (byKey.has(key)) continue;
    byKey.set(key, alias);
    added += 1;
    if (alias.category) {
      categories.add(lookupKey(alias.category));
      const short = key.replace(CATEGORY_SEPARATOR, ':');
      if (!derived.has(short)) derived.set(short, alias);
    }
    addBaseName(byBaseName, alias);
  }
  for (const [short, alias] of derived) {
    if (!byKey.has(short)) byKey.set(short, alias);
  }
  return { size: added, categories, byKey, byBaseName };
}

/**
 * Resolves a token body (`name`, `category:name`, `category::name`).
 * @example resolveAliasToken(index, 'CHERRY') // found, ambiguous or unknown
 */
export function resolveAliasToken(index: AliasIndex, token: string): AliasResolution {
  const key = lookupKey(token);
  const alias = index.byKey.get(key);
  if (alias) return { kind: 'found', alias };
  if (key.includes(':')) return { kind: 'unknown' };
  const entry = index.byBaseName.get(key);
  if (!entry) return { kind: 'unknown' };
  if (entry.isUnanimous) return { kind: 'found', alias: entry.alias };
  return { kind: 'ambiguous', candidates: [...entry.candidates] };
}
