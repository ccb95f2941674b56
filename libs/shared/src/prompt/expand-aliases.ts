import type { AliasIndex, IndexedAlias } from './alias-index';
import { resolveAliasToken } from './alias-index';
import { bareTokenPattern, plainTokenPattern, weightedTokenPattern } from './alias-syntax';
import type { AliasTraceEntry, ExpansionWarning } from './expansion-trace';
import { addWarning } from './expansion-trace';

/** A-5: passes per alias step. */
export const MAX_ALIAS_PASSES = 10;

/** Where the expansion happens and where it reports to; both arrays are appended to. */
export interface AliasStepContext {
  field: string;
  round: number;
  trace: AliasTraceEntry[];
  warnings: ExpansionWarning[];
}

const WEIGHTED_PIECE = /^\((.*):\s*(\d+(?:\.\d+)?)\s*\)$/s;

/** `(core:N)` → `core` (split at the last `:`), or undefined when the piece is not weighted. */
function unwrapWeightedPiece(piece: string): string | undefined {
  const match = WEIGHTED_PIECE.exec(piece);
  const core = match?.[1]?.trim();
  return core ? core : undefined;
}

/**
 * A-4 (1): each comma piece of the alias text gets the token's weight.
 * @example spreadWeight('(tag_one:1.2), tag_two', '0.7') === '(tag_one:0.7), (tag_two:0.7)'
 */
export function spreadWeight(text: string, weight: string): string {
  const pieces = text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  if (pieces.length === 0) return text;
  return pieces.map((piece) => `(${unwrapWeightedPiece(piece) ?? piece}:${weight})`).join(', ');
}

type TraceDraft = Omit<AliasTraceEntry, 'kind' | 'field' | 'round' | 'pass'>;

function record(draft: TraceDraft[], form: AliasTraceEntry['form'], position: number, token: string, alias: IndexedAlias, weight?: string): void {
  draft.push({
    form,
    position,
    token,
    key: alias.key,
    ...(alias.revision === undefined ? {} : { revision: alias.revision }),
    ...(alias.id === undefined ? {} : { aliasId: alias.id }),
    ...(weight === undefined ? {} : { weight }),
  });
}

function lookup(index: AliasIndex, token: string, written: string, ctx: AliasStepContext): IndexedAlias | undefined {
  const resolution = resolveAliasToken(index, token);
  if (resolution.kind === 'found') return resolution.alias;
  if (resolution.kind === 'ambiguous') {
    addWarning(ctx.warnings, {
      kind: 'ambiguous-alias',
      field: ctx.field,
      token: written,
      candidates: resolution.candidates,
      message: `${written} could mean ${resolution.candidates.join(', ')}; write the category`,
    });
  } else {
    addWarning(ctx.warnings, { kind: 'unknown-alias', field: ctx.field, token: written, message: `no alias ${written}` });
  }
  return undefined;
}

/** One pass of A-4's three steps; replacements go to `draft`. */
function expandOnce(text: string, index: AliasIndex, ctx: AliasStepContext, draft: TraceDraft[]): string {
  const afterWeighted = text.replace(weightedTokenPattern(), (match: string, token: string, weight: string, offset: number) => {
    const alias = lookup(index, token, `$${token}$`, ctx);
    if (!alias) return match;
    record(draft, 'weighted', offset, match, alias, weight);
    return spreadWeight(alias.text, weight);
  });
  const afterPlain = afterWeighted.replace(plainTokenPattern(), (match: string, token: string, offset: number) => {
    const alias = lookup(index, token, match, ctx);
    if (!alias) return match;
    record(draft, 'plain', offset, match, alias);
    return alias.text;
  });
  return afterPlain.replace(bareTokenPattern(), (match: string, category: string, name: string, offset: number) => {
    if (afterPlain[offset + match.length] === ':') return match;
    const qualified = index.byKey.get(`${category}::${name}`.toLowerCase()) ?? index.byKey.get(`${category}:${name}`.toLowerCase());
    if (qualified) {
      record(draft, 'bare', offset, match, qualified);
      return qualified.text;
    }
    // CozyGen replaced an unknown `x::y` by `y`; we keep it, and only warn when `x` is a category in use.
    if (index.categories.has(category.toLowerCase())) {
      addWarning(ctx.warnings, { kind: 'unknown-alias', field: ctx.field, token: match, message: `no alias ${match}` });
    }
    return match;
  });
}

/**
 * Expands alias tokens (A-4, A-5): up to ten passes, stopping when a pass changes nothing, repeats
 * an earlier state (cycle, warned) or leaves no `$`. Unknown and ambiguous tokens stay as written.
 * @example expandAliases('$a$$b$', index, ctx) // a's text directly followed by b's
 */
export function expandAliases(text: string, index: AliasIndex, ctx: AliasStepContext): string {
  if (!text.includes('$') && !text.includes('::')) return text;
  const seen = new Set([text]);
  let result = text;
  for (let pass = 1; pass <= MAX_ALIAS_PASSES; pass += 1) {
    const draft: TraceDraft[] = [];
    const next = expandOnce(result, index, ctx, draft);
    if (next === result) return result;
    if (seen.has(next)) {
      const token = draft[0]?.token;
      addWarning(ctx.warnings, {
        kind: 'alias-cycle',
        field: ctx.field,
        ...(token === undefined ? {} : { token }),
        message: `aliases refer to each other in a cycle${token === undefined ? '' : ` (at ${token})`}; expansion stopped`,
      });
      return result;
    }
    seen.add(next);
    ctx.trace.push(...draft.map((entry) => ({ kind: 'alias' as const, field: ctx.field, round: ctx.round, pass, ...entry })));
    result = next;
    if (!result.includes('$')) return result;
  }
  if (expandOnce(result, index, { ...ctx, warnings: [] }, []) !== result) {
    addWarning(ctx.warnings, {
      kind: 'alias-pass-limit',
      field: ctx.field,
      message: `aliases still nested after ${MAX_ALIAS_PASSES} passes; the rest stays unexpanded`,
    });
  }
  return result;
}
