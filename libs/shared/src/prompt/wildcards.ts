/**
 * Wildcard groups `{a|b|…}` (D-1): braces holding at least one `|` at their own level. Other and
 * unbalanced braces are literal; `\{`, `\}`, `\|` are literal characters, removed only at the very end
 * of an expansion (`unescapeWildcards`) so later rounds cannot mistake them for syntax.
 */

export const MAX_GROUP_DEPTH = 10;
export const MAX_GROUP_OPTIONS = 1000;

export interface WildcardGroup {
  /** Offset of `{` and just after `}` in the parsed text. */
  start: number;
  end: number;
  /** 0 for an outermost group. */
  depth: number;
  /** Each option trimmed, as written. */
  optionTexts: string[];
  options: WildcardNode[][];
}

export type WildcardNode = string | WildcardGroup;

export interface ParsedWildcards {
  nodes: WildcardNode[];
  /** Groups left literal (with everything inside) because they were nested too deep or had too many options. */
  problems: { kind: 'too-deep' | 'too-many-options'; text: string }[];
}

const ESCAPABLE = new Set(['{', '}', '|']);

function isEscape(text: string, i: number): boolean {
  return text[i] === '\\' && ESCAPABLE.has(text[i + 1] ?? '');
}

/** Brace pairs by opening offset, with the `|` offsets directly inside each. */
function matchBraces(text: string): { closeOf: Map<number, number>; pipesOf: Map<number, number[]> } {
  const closeOf = new Map<number, number>();
  const pipesOf = new Map<number, number[]>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (isEscape(text, i)) {
      i += 1;
      continue;
    }
    const char = text[i];
    const top = open[open.length - 1];
    if (char === '{') {
      open.push(i);
    } else if (char === '}' && top !== undefined) {
      open.pop();
      closeOf.set(top, i);
    } else if (char === '|' && top !== undefined) {
      const pipes = pipesOf.get(top);
      if (pipes) pipes.push(i);
      else pipesOf.set(top, [i]);
    }
  }
  return { closeOf, pipesOf };
}

function trimmedRange(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return [start, end];
}

/**
 * Splits text into literal runs and groups.
 * @example parseWildcards('a {b|c}').nodes // ['a ', { optionTexts: ['b', 'c'], … }]
 */
export function parseWildcards(text: string): ParsedWildcards {
  const { closeOf, pipesOf } = matchBraces(text);
  const problems: ParsedWildcards['problems'] = [];

  const parseRange = (from: number, to: number, depth: number): WildcardNode[] => {
    const nodes: WildcardNode[] = [];
    let literalFrom = from;
    for (let i = from; i < to; i += 1) {
      if (isEscape(text, i)) {
        i += 1;
        continue;
      }
      const close = closeOf.get(i);
      const pipes = pipesOf.get(i);
      if (close === undefined || close >= to || !pipes) continue;
      if (depth >= MAX_GROUP_DEPTH || pipes.length + 1 > MAX_GROUP_OPTIONS) {
        problems.push({ kind: depth >= MAX_GROUP_DEPTH ? 'too-deep' : 'too-many-options', text: text.slice(i, close + 1) });
        i = close;
        continue;
      }
      if (literalFrom < i) nodes.push(text.slice(literalFrom, i));
      const bounds = [i, ...pipes, close];
      const ranges = bounds.slice(1).map((end, k) => trimmedRange(text, (bounds[k] ?? i) + 1, end));
      nodes.push({
        start: i,
        end: close + 1,
        depth,
        optionTexts: ranges.map(([start, end]) => text.slice(start, end)),
        options: ranges.map(([start, end]) => parseRange(start, end, depth + 1)),
      });
      i = close;
      literalFrom = close + 1;
    }
    if (literalFrom < to) nodes.push(text.slice(literalFrom, to));
    return nodes;
  };

  return { nodes: parseRange(0, text.length, 0), problems };
}

export function hasWildcardGroups(nodes: readonly WildcardNode[]): boolean {
  return nodes.some((node) => typeof node !== 'string');
}

/** Picks an option of a group; called outermost first, left to right (pre-order), chosen options only. */
export type ChooseOption = (group: WildcardGroup) => number;

/** Resolves groups depth-first in reading order; unchosen options are never visited. */
export function resolveWildcards(nodes: readonly WildcardNode[], choose: ChooseOption): string {
  let result = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      result += node;
      continue;
    }
    const index = choose(node);
    result += resolveWildcards(node.options[index] ?? [], choose);
  }
  return result;
}

/**
 * Number of distinct choice paths, saturating at `Number.MAX_SAFE_INTEGER`.
 * @example countCombinations(parseWildcards('{a|{b|c}} {x|y}').nodes) === 6
 */
export function countCombinations(nodes: readonly WildcardNode[]): number {
  let product = 1;
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    let sum = 0;
    for (const option of node.options) sum = Math.min(Number.MAX_SAFE_INTEGER, sum + countCombinations(option));
    product = Math.min(Number.MAX_SAFE_INTEGER, product * sum);
  }
  return product;
}

/**
 * Every choice path as the option indices `resolveWildcards` asks for, in lexicographic order
 * (first group slowest; a nested group's choices follow its parent's, D-6).
 */
export function* enumerateChoicePaths(nodes: readonly WildcardNode[], from = 0): Generator<number[]> {
  let at = from;
  while (at < nodes.length && typeof nodes[at] === 'string') at += 1;
  const group = nodes[at];
  if (group === undefined || typeof group === 'string') {
    yield [];
    return;
  }
  for (let index = 0; index < group.options.length; index += 1) {
    for (const inner of enumerateChoicePaths(group.options[index] ?? [])) {
      for (const rest of enumerateChoicePaths(nodes, at + 1)) yield [index, ...inner, ...rest];
    }
  }
}

/**
 * Turns `\{`, `\}`, `\|` into the literal characters; other backslashes stay (ComfyUI's `\(`).
 * @example unescapeWildcards('\\{a\\|b\\} \\(x\\)') === '{a|b} \\(x\\)'
 */
export function unescapeWildcards(text: string): string {
  return text.replace(/\\([{}|])/g, '$1');
}
