import { Injectable } from '@nestjs/common';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { NotFoundError } from '@app/shared/contracts/errors';
import { MAX_ALIASES_PER_USER } from '@app/shared/prompt/alias-syntax';
import type { StoredAliasCategory } from '@app/server/repositories/alias-categories.repository';
import { AliasLibraryRepository, type AliasLibraryTransaction } from '@app/server/repositories/alias-library.repository';
import type { AliasSnapshot } from '@app/server/repositories/alias-trash.repository';
import { Clock } from '@app/server/system/clock';
import { duplicateAlias, resolveCategory, tooManyAliases, toAlias, uniqueKey } from './alias-rules';

/** How long a deleted alias can be brought back. */
export const ALIAS_TRASH_KEPT_MS = 24 * 60 * 60 * 1000;
/** Deleted aliases kept per user, newest first. */
export const ALIAS_TRASH_MAX_PER_USER = 50;

/**
 * A-8 "delete with undo": a delete keeps a snapshot of the alias and its kept texts, and undelete
 * puts it back with the same id, revision and history. Each is one transaction.
 */
@Injectable()
export class AliasTrashService {
  constructor(
    private readonly library: AliasLibraryRepository,
    private readonly clock: Clock,
  ) {}

  /** Also forgets what was deleted over 24 h ago and all but the user's 50 newest. */
  delete(userId: string, id: string): Promise<void> {
    return this.library.transaction(async (tx) => {
      const alias = await tx.aliases.findById(userId, id);
      if (!alias) throw new NotFoundError('Alias not found');
      const now = this.clock.now();
      const snapshot: AliasSnapshot = { ...alias, key: uniqueKey(alias.category, alias.name), revisions: await tx.aliases.listRevisions(id) };
      await tx.trash.put(userId, snapshot, now);
      await tx.aliases.delete(userId, [id]);
      await tx.trash.trim(userId, { before: now - ALIAS_TRASH_KEPT_MS, keep: ALIAS_TRASH_MAX_PER_USER });
    });
  }

  /**
   * Back in its category if that still exists (under its current name), else in one of the old
   * name, created at the end of the list when missing. Any refusal writes nothing.
   */
  undelete(userId: string, id: string): Promise<Alias> {
    return this.library.transaction(async (tx) => {
      const now = this.clock.now();
      const deleted = await tx.trash.find(userId, id, now - ALIAS_TRASH_KEPT_MS);
      if (!deleted) throw new NotFoundError('No deleted alias to bring back; it may have been deleted over a day ago');
      const category = await this.categoryFor(tx, userId, deleted, now);
      const categoryName = category?.name ?? null;
      const key = uniqueKey(categoryName, deleted.name);
      if (await tx.aliases.findIdByKey(userId, key)) throw duplicateAlias(categoryName, deleted.name, null);
      if ((await tx.aliases.count(userId)) >= MAX_ALIASES_PER_USER) throw tooManyAliases();
      const { revisions, category: _category, ...alias } = deleted;
      await tx.aliases.reinsert({ ...alias, userId, categoryId: category?.id ?? null, key }, revisions);
      await tx.trash.remove(userId, id);
      const restored = await tx.aliases.findById(userId, id);
      if (!restored) throw new Error(`alias ${id} vanished inside its own undelete`);
      return toAlias(restored);
    });
  }

  private async categoryFor(tx: AliasLibraryTransaction, userId: string, deleted: AliasSnapshot, now: number): Promise<StoredAliasCategory | null> {
    const kept = deleted.categoryId === null ? undefined : await tx.categories.findById(userId, deleted.categoryId);
    return kept ?? resolveCategory(tx, userId, deleted.category, now, null);
  }
}
