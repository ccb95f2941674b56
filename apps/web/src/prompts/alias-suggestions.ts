import type { Alias } from '@app/shared/contracts/api/aliases';

/** How many aliases the `$` autocomplete lists at once. */
const ALIAS_SUGGESTION_LIMIT = 10;

/** Lower tiers list first: name prefix, category or key prefix, name or category substring, text. */
function tierOf(alias: Alias, query: string): number | undefined {
  const name = alias.name.toLowerCase();
  const category = (alias.category ?? '').toLowerCase();
  // A token spells the key with one `:` (`$outfit:coat$`); the stored key has `::`.
  const token = alias.category ? `${category}:${name}` : name;
  if (query === '' || name.startsWith(query)) return 0;
  if ((category !== '' && category.startsWith(query)) || token.startsWith(query) || alias.key.toLowerCase().startsWith(query)) return 1;
  if (name.includes(query) || category.includes(query)) return 2;
  if (alias.text.toLowerCase().includes(query)) return 3;
  return undefined;
}

/**
 * the aliases matching what follows a `$`, by name, category and text; prefix matches first,
 * then the ones used most recently in this session (`recentKeys`, newest first, lower-cased keys),
 * then the most recently edited.
 * @example suggestAliases(aliases, 'out', ['outfit::coat']) // outfit::coat, then other `out…` names
 */
export function suggestAliases(aliases: readonly Alias[], query: string, recentKeys: readonly string[], limit = ALIAS_SUGGESTION_LIMIT): Alias[] {
  const wanted = query.toLowerCase();
  const recency = new Map(recentKeys.map((key, position) => [key, position]));
  const ranked: { alias: Alias; tier: number; recent: number }[] = [];
  for (const alias of aliases) {
    const tier = tierOf(alias, wanted);
    if (tier !== undefined) ranked.push({ alias, tier, recent: recency.get(alias.key.toLowerCase()) ?? Number.POSITIVE_INFINITY });
  }
  ranked.sort((a, b) => a.tier - b.tier || a.recent - b.recent || b.alias.updatedAt - a.alias.updatedAt || a.alias.key.localeCompare(b.alias.key));
  return ranked.slice(0, limit).map((entry) => entry.alias);
}
