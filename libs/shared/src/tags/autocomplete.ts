import { TOKEN_BODY_CHAR } from '../prompt/alias-syntax';

/**
 * What the caret is on for autocomplete: tags (T-5, T-6) and alias tokens after `$`.
 * Offsets are UTF-16 indices into the field's text.
 */
export interface CaretToken {
  /** The text to replace, `text.slice(start, end)`. */
  start: number;
  end: number;
  /** What to search for: the tag with escapes removed, or the alias token body. */
  query: string;
}

export const MIN_TAG_QUERY_LENGTH = 2;

const TAG_BOUNDARY = new Set([',', '\n', '{', '|', '}', '$']);
const SEGMENT_BOUNDARY = new Set([',', '\n']);

function isBodyChar(char: string | undefined): boolean {
  return char !== undefined && TOKEN_BODY_CHAR.test(char);
}

/**
 * The alias token the caret is in or right after its opening `$`, or undefined.
 * @example findAliasToken('red, $out', 9) // { start: 5, end: 9, query: 'out' }
 */
export function findAliasToken(text: string, caret: number): CaretToken | undefined {
  let bodyStart = caret;
  while (isBodyChar(text[bodyStart - 1])) bodyStart -= 1;
  const dollar = bodyStart - 1;
  if (text[dollar] !== '$') return undefined;
  let dollarsBefore = 0;
  for (let i = dollar - 1; i >= 0 && !SEGMENT_BOUNDARY.has(text[i] ?? ''); i -= 1) {
    if (text[i] === '$') dollarsBefore += 1;
  }
  // An odd count means this `$` closes a token, so the caret is after a finished token.
  if (dollarsBefore % 2 === 1) return undefined;
  let bodyEnd = caret;
  while (isBodyChar(text[bodyEnd])) bodyEnd += 1;
  const end = text[bodyEnd] === '$' ? bodyEnd + 1 : bodyEnd;
  return { start: dollar, end, query: text.slice(bodyStart, bodyEnd) };
}

function unescapeParens(text: string): string {
  return text.replace(/\\([()])/g, '$1');
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** The tag's range inside a segment: leading `(` and a trailing `:weight)` are not part of it. */
function tagRange(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && (isSpace(text[start]) || text[start] === '(')) start += 1;
  const hadOpen = text.slice(from, start).includes('(');
  while (end > start && isSpace(text[end - 1])) end -= 1;
  const closing = /(?<!\\)\)+$/.exec(text.slice(start, end));
  if (closing) end -= closing[0].length;
  if (hadOpen || closing) {
    const weight = /:\s*(?:\d+(?:\.\d*)?)?\s*$/.exec(text.slice(start, end));
    if (weight) end -= weight[0].length;
  }
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return [start, end];
}

/**
 * The tag under the caret (T-5): between the nearest `,` or newline on each side (also `{`, `|`, `}`
 * inside wildcard groups, and a finished alias token), without a leading `(` or trailing `:weight)`.
 * Undefined inside an alias token, outside the tag itself, or under two characters.
 * @example findTagToken('1girl, (long_ha:1.2)', 14) // { start: 8, end: 15, query: 'long_ha' }
 */
export function findTagToken(text: string, caret: number): CaretToken | undefined {
  if (findAliasToken(text, caret)) return undefined;
  let from = caret;
  while (from > 0 && !TAG_BOUNDARY.has(text[from - 1] ?? '')) from -= 1;
  let to = caret;
  while (to < text.length && !TAG_BOUNDARY.has(text[to] ?? '')) to += 1;
  const [start, end] = tagRange(text, from, to);
  if (caret < start || caret > end) return undefined;
  const query = unescapeParens(text.slice(start, end));
  return query.length >= MIN_TAG_QUERY_LENGTH ? { start, end, query } : undefined;
}

/**
 * A tag as it goes into a prompt (T-6): `_` as spaces if the user prefers, parentheses escaped
 * because ComfyUI reads them as weights.
 * @example formatTagForPrompt('star_(symbol)', { spaces: false }) === 'star_\\(symbol\\)'
 */
export function formatTagForPrompt(tagName: string, options: { spaces: boolean }): string {
  const spaced = options.spaces ? tagName.replace(/_/g, ' ') : tagName;
  return spaced.replace(/(?<!\\)([()])/g, '\\$1');
}

/**
 * Replaces the token with the chosen tag and moves the caret past it (T-6). `, ` follows the tag at
 * the end of the text or a line, or the caret steps over the comma already there; inside a weight
 * or wildcard option nothing is added.
 * @example applyTagCompletion('1girl, long', token, 'long_hair', { spaces: false }) // { text: '1girl, long_hair, ', caret: 18 }
 */
export function applyTagCompletion(text: string, token: CaretToken, tagName: string, options: { spaces: boolean }): { text: string; caret: number } {
  const written = formatTagForPrompt(tagName, options);
  const before = text.slice(0, token.start) + written;
  const after = text.slice(token.end);
  const lineEnd = /^[ \t]*(?=\n|$)/.exec(after);
  if (lineEnd) return { text: `${before}, ${after.slice(lineEnd[0].length)}`, caret: before.length + 2 };
  const comma = /^\s*,[ \t]*/.exec(after);
  return { text: before + after, caret: before.length + (comma ? comma[0].length : 0) };
}

/**
 * Replaces the alias token being typed with the chosen one, caret after it.
 * @example applyAliasCompletion('red, $out', token, '$outfit:coat$') // { text: 'red, $outfit:coat$', caret: 18 }
 */
export function applyAliasCompletion(text: string, token: CaretToken, aliasToken: string): { text: string; caret: number } {
  return { text: text.slice(0, token.start) + aliasToken + text.slice(token.end), caret: token.start + aliasToken.length };
}
