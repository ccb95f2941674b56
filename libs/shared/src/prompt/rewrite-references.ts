import type { AliasIndex, IndexedAlias } from './alias-index';
import { resolveAliasToken } from './alias-index';
import { bareTokenPattern, formatAliasKey, formatAliasToken, plainTokenPattern } from './alias-syntax';
import type { FormValues } from '../form/field-types';

/** Where a renamed alias lives now. */
export interface AliasPlace {
  category: string | null;
  name: string;
}

export interface RewrittenText {
  text: string;
  /** Tokens replaced. */
  count: number;
}

/**
 * after a rename, points the tokens that reached a renamed alias at its new key. `before` is
 * the user's aliases as they were named when the text was written (renamed ones under their old
 * keys), so every token form resolves exactly as expansion resolved it then: `$…$` (also inside
 * `($…$:W)`, whose weight stays) and bare `category::name`. Written tokens keep their form where
 * the new key allows it; a bare token of an alias that lost its category becomes `$name$`.
 * @example rewriteAliasReferences('($castle$:1.2), sky', before, new Map([[id, { category: 'places', name: 'fort' }]]))
 * // { text: '($places:fort$:1.2), sky', count: 1 }
 */
export function rewriteAliasReferences(text: string, before: AliasIndex, renamed: ReadonlyMap<string, AliasPlace>): RewrittenText {
  if (!text.includes('$') && !text.includes('::')) return { text, count: 0 };
  let count = 0;
  const placeOf = (alias: IndexedAlias | undefined): AliasPlace | undefined => (alias?.id === undefined ? undefined : renamed.get(alias.id));

  const afterPlain = text.replace(plainTokenPattern(), (match: string, body: string) => {
    const resolution = resolveAliasToken(before, body);
    const place = placeOf(resolution.kind === 'found' ? resolution.alias : undefined);
    if (!place) return match;
    count += 1;
    return formatAliasToken(place.category, place.name);
  });
  const result = afterPlain.replace(bareTokenPattern(), (match: string, category: string, name: string, offset: number) => {
    if (afterPlain[offset + match.length] === ':') return match;
    const place = placeOf(before.byKey.get(`${category}::${name}`.toLowerCase()) ?? before.byKey.get(`${category}:${name}`.toLowerCase()));
    if (!place) return match;
    count += 1;
    return place.category ? formatAliasKey(place.category, place.name) : formatAliasToken(null, place.name);
  });
  return { text: result, count };
}

/** Every text value of a form (a preset or remembered values) rewritten; values that are not text stay. */
export function rewriteFormValueReferences(values: FormValues, before: AliasIndex, renamed: ReadonlyMap<string, AliasPlace>): { values: FormValues; count: number } {
  let count = 0;
  const rewritten: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') {
      rewritten[key] = value;
      continue;
    }
    const next = rewriteAliasReferences(value, before, renamed);
    rewritten[key] = next.text;
    count += next.count;
  }
  return { values: rewritten, count };
}
