import { commentEnd, COMMENT_OPEN } from './comments';
import { parseWildcards } from './wildcards';

/**
 * The composer's view of a prompt (C-1): a sequence of elements with their offsets. Everything
 * between elements (commas, spaces, newlines) is a separator that edits keep.
 */
export type PromptElementKind = 'tag' | 'weighted' | 'alias' | 'wildcard' | 'comment';

export interface PromptElement {
  kind: PromptElementKind;
  /** Offsets of the whole element, `text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /**
   * What a weight wraps: the tag, a weighted group's content, the `$key$` token, the whole group;
   * for a comment, its inner text.
   */
  core: string;
  /** The weight as typed, for `(core:N)` and `($key$:N)`. */
  weight?: string;
  /** The token body of an alias element. */
  aliasKey?: string;
}

const WEIGHT = /^\d+(?:\.\d+)?$/;
const ALIAS_TOKEN = /^\$([A-Za-z0-9_:-]+)\$$/;
const ALIAS_AT = /\$([A-Za-z0-9_:-]+)\$/y;

/** The `)` closing the `(` at `open` on the same line, skipping nested pairs and `\(` `\)`. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '\n') return -1;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function readWeighted(text: string, start: number): PromptElement | undefined {
  const close = closingParen(text, start);
  if (close < 0) return undefined;
  const inner = text.slice(start + 1, close);
  const colon = inner.lastIndexOf(':');
  const weight = inner.slice(colon + 1).trim();
  const core = inner.slice(0, colon).trim();
  if (colon < 0 || !WEIGHT.test(weight) || core === '') return undefined;
  const end = close + 1;
  const alias = ALIAS_TOKEN.exec(core);
  if (alias) return { kind: 'alias', start, end, text: text.slice(start, end), core, weight, aliasKey: alias[1] };
  return { kind: 'weighted', start, end, text: text.slice(start, end), core, weight };
}

function element(kind: PromptElementKind, text: string, start: number, end: number, core = text.slice(start, end)): PromptElement {
  return { kind, start, end, text: text.slice(start, end), core };
}

function readPlain(text: string, start: number, groupEnds: ReadonlyMap<number, number>): PromptElement {
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === ',' || char === '\n' || (char === '$' && i > start)) break;
    if (text.startsWith(COMMENT_OPEN, i) && i > start && commentEnd(text, i) >= 0) break;
    i = groupEnds.get(i) ?? i + (char === '\\' ? 2 : 1);
  }
  let end = Math.min(i, text.length);
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return element('tag', text, start, Math.max(end, start + 1));
}

function readElement(text: string, start: number, groupEnds: ReadonlyMap<number, number>): PromptElement {
  const char = text[start];
  if (text.startsWith(COMMENT_OPEN, start)) {
    const end = commentEnd(text, start);
    if (end >= 0) return element('comment', text, start, end, text.slice(start + 2, end - 2).trim());
  }
  if (char === '(') {
    const weighted = readWeighted(text, start);
    if (weighted) return weighted;
  }
  if (char === '$') {
    ALIAS_AT.lastIndex = start;
    const token = ALIAS_AT.exec(text);
    if (token) return { ...element('alias', text, start, start + token[0].length), aliasKey: token[1] };
  }
  const groupEnd = groupEnds.get(start);
  if (groupEnd !== undefined) return element('wildcard', text, start, groupEnd);
  return readPlain(text, start, groupEnds);
}

/**
 * Splits a prompt into elements (C-1): leading commas and whitespace skipped; a weighted group
 * `(content:N)` on one line, an alias token `$key$` or `($key$:N)`, a wildcard group, a comment, or a
 * plain tag up to the next `,`, `$` or newline. Malformed `(foo:bar)` is a plain tag.
 * @example parsePromptElements('1girl, (smile:1.2), $outfit$').map((e) => e.kind) // ['tag', 'weighted', 'alias']
 */
export function parsePromptElements(text: string): PromptElement[] {
  const groupEnds = new Map<number, number>();
  for (const node of parseWildcards(text).nodes) {
    if (typeof node !== 'string') groupEnds.set(node.start, node.end);
  }
  const elements: PromptElement[] = [];
  let i = 0;
  while (i < text.length) {
    if (/[\s,]/.test(text[i] ?? '')) {
      i += 1;
      continue;
    }
    const next = readElement(text, i, groupEnds);
    elements.push(next);
    i = next.end;
  }
  return elements;
}
