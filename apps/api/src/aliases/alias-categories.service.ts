import { Injectable } from '@nestjs/common';
import type { AliasCategory, AliasCategoryList, CreateAliasCategory, UpdateAliasCategory } from '@app/shared/contracts/api/aliases';
import { ConflictError, NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { MAX_CATEGORIES_PER_USER } from '@app/shared/prompt/alias-syntax';
import { AliasCategoriesRepository, type StoredAliasCategory } from '@app/server/repositories/alias-categories.repository';
import { AliasLibraryRepository, type AliasLibraryTransaction } from '@app/server/repositories/alias-library.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { tooManyCategories } from './alias-rules';

function duplicateCategory(name: string): ConflictError {
  return new ConflictError(`You already have a category ${name}`, [{ field: 'body.name', message: 'is already used (ignoring case)' }]);
}

/** A user's ordered category list: empty categories allowed, positions 0, 1, … */
@Injectable()
export class AliasCategoriesService {
  constructor(
    private readonly categories: AliasCategoriesRepository,
    private readonly library: AliasLibraryRepository,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<AliasCategoryList> {
    const items = await this.categories.listWithCounts(userId);
    return { items, uncategorised: await this.categories.countUncategorisedAliases(userId) };
  }

  create(userId: string, input: CreateAliasCategory): Promise<AliasCategory> {
    return this.library.transaction(async (tx) => {
      if (await tx.categories.findByName(userId, input.name)) throw duplicateCategory(input.name);
      if ((await tx.categories.count(userId)) >= MAX_CATEGORIES_PER_USER) throw tooManyCategories('body.name');
      const created = await tx.categories.append({ id: newId(), userId, name: input.name, now: this.clock.now() });
      return { ...created, count: 0 };
    });
  }

  /** A rename rewrites the keys of the category's aliases; a move renumbers the list. */
  update(userId: string, id: string, input: UpdateAliasCategory): Promise<AliasCategory> {
    return this.library.transaction(async (tx) => {
      const category = await this.find(tx, userId, id);
      if (input.name !== undefined && input.name !== category.name) {
        const holder = await tx.categories.findByName(userId, input.name);
        if (holder && holder.id !== id) throw duplicateCategory(input.name);
        await tx.categories.rename(id, input.name);
        await tx.aliases.rekeyCategory(id, input.name);
      }
      if (input.position !== undefined) {
        const others = (await tx.categories.list(userId)).map((c) => c.id).filter((other) => other !== id);
        others.splice(Math.min(input.position, others.length), 0, id);
        await tx.categories.setOrder(userId, others);
      }
      const updated = await this.find(tx, userId, id);
      return { ...updated, count: await tx.categories.countAliases(id) };
    });
  }

  /** Only an empty category can go (its aliases would lose their keys otherwise). */
  delete(userId: string, id: string): Promise<void> {
    return this.library.transaction(async (tx) => {
      const category = await this.find(tx, userId, id);
      const count = await tx.categories.countAliases(id);
      if (count > 0) {
        throw new ConflictError(`Category ${category.name} still holds ${count} alias${count === 1 ? '' : 'es'}; move or delete them first`);
      }
      await tx.categories.delete(userId, [id]);
      const rest = (await tx.categories.list(userId)).map((c) => c.id);
      await tx.categories.setOrder(userId, rest);
    });
  }

  /** `ids` must name each of the user's categories exactly once. */
  async reorder(userId: string, ids: readonly string[]): Promise<AliasCategoryList> {
    await this.library.transaction(async (tx) => {
      const current = new Set((await tx.categories.list(userId)).map((c) => c.id));
      const given = new Set(ids.map((id) => id.toLowerCase()));
      if (given.size !== ids.length || given.size !== current.size || [...given].some((id) => !current.has(id))) {
        throw new ValidationError('Invalid order', [{ field: 'body.ids', message: `must list each of your ${current.size} categories exactly once` }]);
      }
      await tx.categories.setOrder(userId, [...given]);
    });
    return this.list(userId);
  }

  private async find(tx: AliasLibraryTransaction, userId: string, id: string): Promise<StoredAliasCategory> {
    const category = await tx.categories.findById(userId, id);
    if (!category) throw new NotFoundError('Alias category not found');
    return category;
  }
}
