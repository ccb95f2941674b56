import type { TagLookup } from '@app/shared/tags/tag-suggestions';
import { tagKey } from './tag-keys';

/** The tag list as asynchronous batch queries (the repository over the active list). */
export interface TagLookupSource {
  /** Which of these keys are tag names. */
  findNames(keys: readonly string[]): Promise<Set<string>>;
  /** Alias key → tag name, for the keys that are aliases. */
  findAliasTargets(keys: readonly string[]): Promise<Map<string, string>>;
  /** Up to `limit` names holding every fragment, most popular first. */
  findContainingAll(fragments: readonly string[], limit: number): Promise<string[]>;
}

interface Containing {
  limit: number;
  names: string[];
}

/**
 * Runs synchronous code written against `TagLookup` (the shared `findUnknownTags`) over an
 * asynchronous source. Answers come from a cache; a question the cache cannot answer is noted
 * and answered as "no"; after the run, every noted question is fetched in one batch per kind and
 * the code runs again, until a run asks nothing new. The questions depend only on the text and
 * earlier answers, so this ends, and the last run saw only real answers (usually the third).
 * @example await withTagLookup(source, (lookup) => findUnknownTags('lnog_hair', lookup))
 */
export async function withTagLookup<T>(source: TagLookupSource, run: (lookup: TagLookup) => T): Promise<T> {
  const names = new Map<string, boolean>();
  const aliases = new Map<string, string | undefined>();
  const containing = new Map<string, Containing>();
  for (;;) {
    const missingNames = new Set<string>();
    const missingAliases = new Set<string>();
    const missingContaining = new Map<string, { fragments: string[]; limit: number }>();
    const lookup: TagLookup = {
      has(name) {
        const key = tagKey(name);
        const known = names.get(key);
        if (known === undefined) missingNames.add(key);
        return known === true;
      },
      aliasTarget(name) {
        const key = tagKey(name);
        if (!aliases.has(key)) missingAliases.add(key);
        return aliases.get(key);
      },
      containingAll(fragments, limit) {
        const key = JSON.stringify(fragments);
        const known = containing.get(key);
        // A shorter answer than its limit is the whole answer, so it serves any larger limit.
        if (known && (known.limit >= limit || known.names.length < known.limit)) return known.names.slice(0, limit);
        missingContaining.set(key, { fragments: [...fragments], limit: Math.max(limit, missingContaining.get(key)?.limit ?? 0) });
        return [];
      },
    };
    const result = run(lookup);
    if (missingNames.size === 0 && missingAliases.size === 0 && missingContaining.size === 0) return result;
    const [foundNames, foundAliases] = await Promise.all([source.findNames([...missingNames]), source.findAliasTargets([...missingAliases])]);
    for (const key of missingNames) names.set(key, foundNames.has(key));
    for (const key of missingAliases) aliases.set(key, foundAliases.get(key));
    for (const [key, { fragments, limit }] of missingContaining) containing.set(key, { limit, names: await source.findContainingAll(fragments, limit) });
  }
}
