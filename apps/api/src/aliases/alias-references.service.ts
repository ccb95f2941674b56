import { Injectable } from '@nestjs/common';
import type { AliasReferencesReport, RewriteAliasReferences } from '@app/shared/contracts/api/aliases';
import { ConflictError, ValidationError } from '@app/shared/contracts/errors';
import type { AliasSource } from '@app/shared/prompt/alias-index';
import { buildAliasIndex, type AliasIndex } from '@app/shared/prompt/alias-index';
import { formatAliasKey, lookupKey, splitAliasKey } from '@app/shared/prompt/alias-syntax';
import { rewriteAliasReferences, rewriteFormValueReferences, type AliasPlace } from '@app/shared/prompt/rewrite-references';
import { AliasReferencesRepository } from '@app/server/repositories/alias-references.repository';
import { Clock } from '@app/server/system/clock';

interface RenamePlan {
  /** The user's aliases as named before the renames. */
  before: AliasIndex;
  renamed: Map<string, AliasPlace>;
}

/**
 * A-8: after a rename, tokens naming the former keys in the user's presets, remembered values and
 * other aliases' texts are pointed at the new keys, in one transaction. Recorded jobs keep their
 * raw text and trace as they ran.
 */
@Injectable()
export class AliasReferencesService {
  constructor(
    private readonly store: AliasReferencesRepository,
    private readonly clock: Clock,
  ) {}

  rewrite(userId: string, input: RewriteAliasReferences): Promise<AliasReferencesReport> {
    return this.store.transaction(async (tx) => {
      const aliases = await tx.aliases.listAll(userId);
      const { before, renamed } = planRenames(aliases, input.renames);
      const now = this.clock.now();
      const report: AliasReferencesReport = { tokens: 0, presets: 0, memories: 0, aliases: 0 };
      /** Counts a place whose tokens changed; true when it is to be written (not a dry run). */
      const changed = (place: 'presets' | 'memories' | 'aliases', tokens: number): boolean => {
        if (tokens === 0) return false;
        report.tokens += tokens;
        report[place] += 1;
        return !input.dryRun;
      };

      for (const preset of await tx.presets.listAllOwn(userId)) {
        const next = rewriteFormValueReferences(preset.values, before, renamed);
        if (changed('presets', next.count)) await tx.presets.update(preset.id, { values: next.values }, now);
      }
      for (const memory of await tx.memory.listValues(userId)) {
        const next = rewriteFormValueReferences(memory.values, before, renamed);
        if (changed('memories', next.count)) await tx.memory.updateValues(userId, memory.workflowId, next.values, now);
      }
      // Another alias's text gets a new revision; the text it replaces is kept.
      for (const alias of aliases) {
        const next = rewriteAliasReferences(alias.text, before, renamed);
        if (changed('aliases', next.count)) await tx.aliases.update(alias, { text: next.text }, now);
      }
      return report;
    });
  }
}

/**
 * The index tokens were written against: each renamed alias under its former key. A former key that
 * another alias holds now is refused, since rewriting would change which alias those prompts mean.
 */
function planRenames(current: readonly AliasSource[], renames: RewriteAliasReferences['renames']): RenamePlan {
  const byId = new Map(current.map((alias) => [alias.id, alias]));
  const holders = new Map(current.map((alias) => [lookupKey(formatAliasKey(alias.category, alias.name)), alias.id]));
  const renamed = new Map<string, AliasPlace>();
  const former = new Map<string, AliasPlace>();
  renames.forEach((rename, i) => {
    const alias = byId.get(rename.id.toLowerCase());
    if (!alias?.id) throw new ValidationError('Unknown alias', [{ field: `body.renames.${i}.id`, message: 'is not one of your aliases' }]);
    const holder = holders.get(lookupKey(rename.from));
    if (holder !== undefined && holder !== alias.id) {
      throw new ConflictError(`${rename.from} now names another of your aliases; its references stay as they are`, [
        { field: `body.renames.${i}.from`, message: 'is the key of another alias now' },
      ]);
    }
    renamed.set(alias.id, { category: alias.category, name: alias.name });
    former.set(alias.id, splitAliasKey(rename.from));
  });
  const before = buildAliasIndex(current.map((alias) => ({ ...alias, ...(alias.id === undefined ? {} : former.get(alias.id)) })));
  return { before, renamed };
}
