import { parsePromptElements } from '../prompt/prompt-elements';

/**
 * Advisory tag validation (T-7, A-11): which plain elements of a prompt are no known tag, and what
 * might have been meant. Never blocks anything.
 */

/** The tag list, implemented by the server over its tag table. Names arrive lower-cased. */
export interface TagLookup {
  /** Whether a tag of exactly this name exists, ignoring case. */
  has(name: string): boolean;
  /** The tag this alias spelling stands for (`longhair` → `long_hair`), ignoring case. */
  aliasTarget(name: string): string | undefined;
  /** At most `limit` tag names containing every fragment, most popular first. */
  containingAll(fragments: readonly string[], limit: number): string[];
}

export const MAX_TAG_SUGGESTIONS = 8;
/** CozyGen's scan stops once it holds four times the suggestions it shows. */
export const TAG_SUGGESTION_SCAN = MAX_TAG_SUGGESTIONS * 4;

/**
 * The term as looked up: trimmed, `\(` `\)` unescaped, lower-cased.
 * @example normaliseTagTerm(' Star_\\(Symbol\\) ') === 'star_(symbol)'
 */
export function normaliseTagTerm(written: string): string {
  return written
    .trim()
    .replace(/\\([()])/g, '$1')
    .toLowerCase();
}

/**
 * A tag or a tag alias, also when written with spaces for `_` (U-8).
 * @example isKnownTag('Long Hair', lookup) // true when long_hair is a tag
 */
export function isKnownTag(written: string, lookup: TagLookup): boolean {
  const term = normaliseTagTerm(written);
  const spellings = term.includes(' ') ? [term, term.replace(/ /g, '_')] : [term];
  return spellings.some((name) => lookup.has(name) || lookup.aliasTarget(name) !== undefined);
}

function delimiterVariants(term: string): string[] {
  return [term.replace(/_/g, '-'), term.replace(/-/g, '_'), term.replace(/ /g, '_'), term.replace(/ /g, '-')].filter((variant) => variant !== term);
}

/**
 * Up to eight suggestions for an unknown term, as CozyGen computes them: the tag a matching alias
 * points to, existing delimiter variants, then tags containing every fragment by popularity;
 * de-duplicated ignoring case.
 * @example suggestTags('long-hair', lookup) // ['long_hair', 'very_long_hair', …]
 */
export function suggestTags(written: string, lookup: TagLookup): string[] {
  const term = normaliseTagTerm(written);
  if (term === '') return [];
  const variants = delimiterVariants(term);
  const aliased = [term, ...variants].map((name) => lookup.aliasTarget(name)).find((target) => target !== undefined);
  const existing = variants.filter((variant) => lookup.has(variant));
  const fragments = term.split(/[_\-\s]+/).filter((fragment) => fragment !== '');
  const limit = Math.max(0, TAG_SUGGESTION_SCAN - existing.length);
  const containing = limit > 0 ? lookup.containingAll(fragments.length > 0 ? fragments : [term], limit) : [];
  const seen = new Set<string>();
  const suggestions: string[] = [];
  for (const candidate of [...(aliased === undefined ? [] : [aliased]), ...existing, ...containing]) {
    const key = candidate.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    suggestions.push(candidate);
    if (suggestions.length >= MAX_TAG_SUGGESTIONS) break;
  }
  return suggestions;
}

export interface UnknownTag {
  /** Index in `parsePromptElements(text)`. */
  elementIndex: number;
  /** Offsets of the term itself. */
  start: number;
  end: number;
  term: string;
  suggestions: string[];
}

/** A weighted group holding one plain tag is checked too; groups of several tags or tokens are not. */
const NOT_A_SINGLE_TAG = /[,${}]|(?<!\\)[()]/;

/**
 * Every plain element (C-1) that is neither a tag nor a tag alias, with suggestions (T-7); alias
 * tokens, wildcard groups and comments are skipped. Each distinct term is looked up once.
 * @example findUnknownTags('1girl, lnog_hair', lookup) // [{ elementIndex: 1, term: 'lnog_hair', … }]
 */
export function findUnknownTags(text: string, lookup: TagLookup): UnknownTag[] {
  const suggestionsByTerm = new Map<string, string[]>();
  const unknown: UnknownTag[] = [];
  parsePromptElements(text).forEach((element, elementIndex) => {
    const isSingleWeighted = element.kind === 'weighted' && !NOT_A_SINGLE_TAG.test(element.core);
    if (element.kind !== 'tag' && !isSingleWeighted) return;
    const term = element.core;
    if (isKnownTag(term, lookup)) return;
    const key = normaliseTagTerm(term);
    const suggestions = suggestionsByTerm.get(key) ?? suggestTags(term, lookup);
    suggestionsByTerm.set(key, suggestions);
    const start = element.kind === 'tag' ? element.start : text.indexOf(term, element.start);
    unknown.push({ elementIndex, start, end: start + term.length, term, suggestions });
  });
  return unknown;
}
