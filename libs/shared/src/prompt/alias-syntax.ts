/**
 * Alias names, keys and token shapes. A key is `category::name`, or `name` alone for an
 * uncategorised alias; lookups ignore case.
 */

/** every alias is reachable by a token, so names and categories use token characters only. */
export const ALIAS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * A-1 widened for CozyGen's files (`lighting::neon:pink`): after a category a name may also hold single
 * `:` between other characters. Categories never hold `:`, so `$lighting:neon:pink$` still names one
 * alias; an uncategorised `a:b` would read as the short form of `a::b`, hence the strict rule there.
 */
export const CATEGORISED_ALIAS_NAME_PATTERN = /^(?=.{1,128}$)[A-Za-z0-9_-]+(?::[A-Za-z0-9_-]+)*$/;
export const ALIAS_CATEGORY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ALIAS_TEXT_MAX_LENGTH = 10_000;
export const MAX_ALIASES_PER_USER = 10_000;
export const MAX_CATEGORIES_PER_USER = 500;

export const CATEGORY_SEPARATOR = '::';

/** One character of a token body: anything else ends the token and stays literal. */
export const TOKEN_BODY_CHAR = /^[A-Za-z0-9_:-]$/;

/** `$name$`, `$category:name$`, `$category::name$`; group 1 is the token body. */
export function plainTokenPattern(): RegExp {
  return /\$([A-Za-z0-9_:-]+)\$/g;
}

/** `($token$:W)`; group 1 the body, group 2 the weight as typed. */
export function weightedTokenPattern(): RegExp {
  return /\(\s*\$([A-Za-z0-9_:-]+)\$\s*:\s*(\d+(?:\.\d+)?)\s*\)/g;
}

/** Bare `category::name` outside `$…$`; groups 1 and 2. A match followed by `:` is not a token. */
export function bareTokenPattern(): RegExp {
  return /(?<!\$)\b([A-Za-z0-9_]+)::([A-Za-z0-9_:-]+)\b(?!\$)/g;
}

/**
 * Whether `name` may be stored under `category` (null or empty: uncategorised).
 * @example isValidAliasName('neon:pink', 'lighting') === true
 * @example isValidAliasName('neon:pink', null) === false
 */
export function isValidAliasName(name: string, category: string | null): boolean {
  return (category ? CATEGORISED_ALIAS_NAME_PATTERN : ALIAS_NAME_PATTERN).test(name);
}

/** What a name refused by `isValidAliasName` should have been, for error messages. */
export function describeAliasNameRule(category: string | null): string {
  return category
    ? 'name must be 1–128 letters, digits, _ or -, with single : allowed between them, so that a token can reach it'
    : 'name must be 1–128 letters, digits, _ or -, so that a token can reach it';
}

export function isValidAliasCategory(category: string): boolean {
  return ALIAS_CATEGORY_PATTERN.test(category);
}

/**
 * The key an alias is stored and exported under.
 * @example formatAliasKey('outfit', 'winter-coat') === 'outfit::winter-coat'
 * @example formatAliasKey(null, 'quality_boost') === 'quality_boost'
 */
export function formatAliasKey(category: string | null, name: string): string {
  return category ? `${category}${CATEGORY_SEPARATOR}${name}` : name;
}

/**
 * Splits a key at its first `::`; no `::` means uncategorised.
 * @example splitAliasKey('lighting::neon:pink') // { category: 'lighting', name: 'neon:pink' }
 */
export function splitAliasKey(key: string): { category: string | null; name: string } {
  const at = key.indexOf(CATEGORY_SEPARATOR);
  if (at < 0) return { category: null, name: key };
  return { category: key.slice(0, at), name: key.slice(at + CATEGORY_SEPARATOR.length) };
}

/** Case-insensitive form used for uniqueness and lookup. */
export function lookupKey(key: string): string {
  return key.toLowerCase();
}

/**
 * The token autocomplete inserts for an alias.
 * @example formatAliasToken('outfit', 'winter-coat') === '$outfit:winter-coat$'
 */
export function formatAliasToken(category: string | null, name: string): string {
  return category ? `$${category}:${name}$` : `$${name}$`;
}

/** Text after the last `:` of a key or token: what base-name fallback compares. */
export function baseName(keyOrToken: string): string {
  return keyOrToken.slice(keyOrToken.lastIndexOf(':') + 1);
}
