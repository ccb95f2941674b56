import type { AliasIndex } from './alias-index';
import { removeComments } from './comments';
import type { AliasStepContext } from './expand-aliases';
import { expandAliases } from './expand-aliases';
import type { AliasTraceEntry, ExpansionResult, ExpansionWarning, TraceEntry } from './expansion-trace';
import { addWarning } from './expansion-trace';
import { createRandom, pickIndex, PRNG_VERSION } from './seeded-random';
import type { ChooseOption, ParsedWildcards, WildcardGroup } from './wildcards';
import { countCombinations, enumerateChoicePaths, hasWildcardGroups, parseWildcards, resolveWildcards, unescapeWildcards } from './wildcards';

/** D-3: rounds of aliases → wildcards per text. */
export const MAX_ROUNDS = 5;
/** Default cap on `enumerateCombinations` (B-2 allows at most 1000 runs per submission). */
export const DEFAULT_COMBINATION_LIMIT = 1000;

/** `random` draws from the seeded generator (D-4); `combination` takes indices in pre-order (D-6). */
export type WildcardMode = 'random' | { combination: readonly number[] };

export interface ExpandPromptOptions {
  /** The job seed (any safe integer). */
  seed: number;
  /** The field key: names the random stream and every trace entry. */
  fieldKey: string;
  wildcards?: WildcardMode;
}

const PROBLEM_WARNINGS = {
  'too-deep': { kind: 'wildcard-too-deep', message: 'wildcard groups nest deeper than 10 levels; the inner ones wait for the next round' },
  'too-many-options': { kind: 'wildcard-too-many-options', message: 'a wildcard group has more than 1000 options; it stays as written' },
} as const;

/** One warning per kind and field: the first offending group is example enough. */
function reportProblems(parsed: ParsedWildcards, field: string, warnings: ExpansionWarning[]): void {
  for (const problem of parsed.problems) {
    const warning = PROBLEM_WARNINGS[problem.kind];
    if (!warnings.some((w) => w.kind === warning.kind && w.field === field)) warnings.push({ ...warning, field, token: problem.text });
  }
}

function createChooser(options: ExpandPromptOptions, trace: TraceEntry[]): (round: number) => ChooseOption {
  const mode = options.wildcards ?? 'random';
  const random = createRandom(options.seed, options.fieldKey);
  let next = 0;
  const pick = (group: WildcardGroup): number => {
    if (mode === 'random') return pickIndex(random, group.options.length);
    const wanted = Math.trunc(mode.combination[next] ?? 0);
    next += 1;
    return Math.min(Math.max(0, wanted), group.options.length - 1);
  };
  return (round) => (group) => {
    const index = pick(group);
    trace.push({
      kind: 'wildcard',
      field: options.fieldKey,
      round,
      position: group.start,
      depth: group.depth,
      options: group.options.length,
      index,
      chosen: group.optionTexts[index] ?? '',
      source: mode === 'random' ? 'random' : 'combination',
      prng: PRNG_VERSION,
    });
    return index;
  };
}

function mayHoldSyntax(text: string): boolean {
  return text.includes('$') || text.includes('::') || text.includes('{');
}

/**
 * Expands one text (D-3): comments removed, then rounds of aliases and wildcards (D-1,
 * D-4), repeated while resolved options bring new tokens or groups, at most five rounds; escapes
 * `\{ \} \|` become literal at the end. Same text, index contents, seed and field key → same result.
 * @example expandPrompt('{red|blue} $hat$', index, { seed: 7, fieldKey: 'positive' }).text
 */
export function expandPrompt(text: string, index: AliasIndex, options: ExpandPromptOptions): ExpansionResult {
  const trace: TraceEntry[] = [];
  const warnings: ExpansionWarning[] = [];
  const chooserFor = createChooser(options, trace);
  let current = removeComments(text);
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    const aliasTrace: AliasTraceEntry[] = [];
    const ctx: AliasStepContext = { field: options.fieldKey, round, trace: aliasTrace, warnings };
    const aliased = removeComments(expandAliases(current, index, ctx));
    trace.push(...aliasTrace);
    const parsed = parseWildcards(aliased);
    reportProblems(parsed, options.fieldKey, warnings);
    current = hasWildcardGroups(parsed.nodes) ? resolveWildcards(parsed.nodes, chooserFor(round)) : aliased;
    if (current === aliased || !mayHoldSyntax(current)) break;
    if (round === MAX_ROUNDS && wouldChange(current, index)) {
      addWarning(warnings, {
        kind: 'round-limit',
        field: options.fieldKey,
        message: `wildcards kept producing new tokens or groups after ${MAX_ROUNDS} rounds; the rest stays as written`,
      });
    }
  }
  return { text: unescapeWildcards(current), trace, warnings };
}

function wouldChange(text: string, index: AliasIndex): boolean {
  const aliased = expandAliases(text, index, { field: '', round: 1, trace: [], warnings: [] });
  return aliased !== text || hasWildcardGroups(parseWildcards(aliased).nodes);
}

/** Round 1's groups: comments removed and aliases expanded, so an alias holding a group counts. */
function firstRoundGroups(text: string, index: AliasIndex): ParsedWildcards {
  const aliased = expandAliases(removeComments(text), index, { field: '', round: 1, trace: [], warnings: [] });
  return parseWildcards(removeComments(aliased));
}

/**
 * How many distinct results combinatorial mode (B-6, D-6) yields for a text; 1 without groups.
 * Saturates at `Number.MAX_SAFE_INTEGER`. Groups that only appear in later rounds are not counted.
 * @example countWildcardCombinations('{a|{b|c}} {x|y}', index) === 6
 */
export function countWildcardCombinations(text: string, index: AliasIndex): number {
  return countCombinations(firstRoundGroups(text, index).nodes);
}

/**
 * The first `limit` combinations in lexicographic order (first group slowest, nested groups inside
 * their parent option, D-6); pass each as `{ combination }` to `expandPrompt`.
 * @example enumerateCombinations('{a|b} {x|y}', index) // [[0,0],[0,1],[1,0],[1,1]]
 */
export function enumerateCombinations(text: string, index: AliasIndex, limit = DEFAULT_COMBINATION_LIMIT): number[][] {
  const combinations: number[][] = [];
  if (limit <= 0) return combinations;
  for (const path of enumerateChoicePaths(firstRoundGroups(text, index).nodes)) {
    combinations.push(path);
    if (combinations.length >= limit) break;
  }
  return combinations;
}
