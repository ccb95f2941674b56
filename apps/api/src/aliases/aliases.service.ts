import { Injectable } from '@nestjs/common';
import type { Alias, AliasDetail, AliasList, AliasListQuery, CreateAlias, UpdateAlias } from '@app/shared/contracts/api/aliases';
import { ConflictError, NotFoundError } from '@app/shared/contracts/errors';
import { MAX_ALIASES_PER_USER } from '@app/shared/prompt/alias-syntax';
import { AliasCategoriesRepository } from '@app/server/repositories/alias-categories.repository';
import { AliasLibraryRepository, type AliasLibraryTransaction } from '@app/server/repositories/alias-library.repository';
import { AliasesRepository, type AliasChanges, type StoredAlias } from '@app/server/repositories/aliases.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { assertAliasName, duplicateAlias, resolveCategory, tooManyAliases, toAlias, uniqueKey } from './alias-rules';

const EMPTY_PAGE: AliasList = { items: [], total: 0, nextCursor: null };

function staleRevision(read: number): ConflictError {
  return new ConflictError('The alias was changed since you opened it; reload and edit again', [
    { field: 'body.revision', message: `is ${read}, but the alias has been edited since` },
  ]);
}

/** One user's aliases: search, edit with optimistic revisions (S-11), restore kept texts. */
@Injectable()
export class AliasesService {
  constructor(
    private readonly aliases: AliasesRepository,
    private readonly categories: AliasCategoriesRepository,
    private readonly library: AliasLibraryRepository,
    private readonly clock: Clock,
  ) {}

  /** Ordered by key (case ignored), so pages stay stable while aliases are edited. */
  async list(userId: string, query: AliasListQuery): Promise<AliasList> {
    let categoryId: string | null | undefined;
    if (query.category === '') categoryId = null;
    else if (query.category !== undefined) {
      const category = await this.categories.findByName(userId, query.category);
      if (!category) return EMPTY_PAGE;
      categoryId = category.id;
    }
    const search = query.q ? query.q.toLowerCase() : undefined;
    const page = await this.aliases.search(userId, { search, categoryId }, { after: query.cursor, limit: query.limit });
    return { items: page.items.map(toAlias), total: page.total, nextCursor: page.nextAfter };
  }

  async get(userId: string, id: string): Promise<AliasDetail> {
    const alias = await this.find(this.aliases, userId, id);
    return { ...toAlias(alias), revisions: await this.aliases.listRevisions(id) };
  }

  create(userId: string, input: CreateAlias): Promise<Alias> {
    return this.library.transaction(async (tx) => {
      const now = this.clock.now();
      const category = await resolveCategory(tx, userId, input.category ?? null, now);
      const categoryName = category?.name ?? null;
      assertAliasName(input.name, categoryName);
      const key = uniqueKey(categoryName, input.name);
      if (await tx.aliases.findIdByKey(userId, key)) throw duplicateAlias(categoryName, input.name);
      if ((await tx.aliases.count(userId)) >= MAX_ALIASES_PER_USER) throw tooManyAliases();
      const id = newId();
      await tx.aliases.insert([{ id, userId, categoryId: category?.id ?? null, name: input.name, key, text: input.text, shared: input.shared, now }]);
      return toAlias(await this.find(tx.aliases, userId, id));
    });
  }

  /** Every change bumps the revision; a text change also keeps the old text. */
  update(userId: string, id: string, input: UpdateAlias): Promise<Alias> {
    return this.library.transaction(async (tx) => {
      const current = await this.find(tx.aliases, userId, id);
      if (current.revision !== input.revision) throw staleRevision(input.revision);
      const changes = await this.changesFor(tx, userId, current, input);
      if (Object.keys(changes).length === 0) return toAlias(current);
      if (!(await tx.aliases.update(current, changes, this.clock.now()))) throw staleRevision(input.revision);
      return toAlias(await this.find(tx.aliases, userId, id));
    });
  }

  /** Makes a kept text current again, as a new revision; the text it replaces is kept in turn. */
  restore(userId: string, id: string, revision: number): Promise<Alias> {
    return this.library.transaction(async (tx) => {
      const current = await this.find(tx.aliases, userId, id);
      if (revision === current.revision) return toAlias(current);
      const kept = await tx.aliases.findRevision(id, revision);
      if (!kept) throw new NotFoundError(`Revision ${revision} of this alias is not kept`);
      if (kept.text !== current.text) await tx.aliases.update(current, { text: kept.text }, this.clock.now());
      return toAlias(await this.find(tx.aliases, userId, id));
    });
  }

  private async changesFor(tx: AliasLibraryTransaction, userId: string, current: StoredAlias, input: UpdateAlias): Promise<AliasChanges> {
    const category =
      input.category === undefined
        ? { id: current.categoryId, name: current.category }
        : await resolveCategory(tx, userId, input.category, this.clock.now());
    const categoryId = category?.id ?? null;
    const categoryName = category?.name ?? null;
    const name = input.name ?? current.name;
    assertAliasName(name, categoryName);
    const changes: AliasChanges = {};
    if (categoryId !== current.categoryId || name !== current.name) {
      const key = uniqueKey(categoryName, name);
      const holder = await tx.aliases.findIdByKey(userId, key);
      if (holder !== undefined && holder !== current.id) throw duplicateAlias(categoryName, name);
      Object.assign(changes, { categoryId, name, key });
    }
    if (input.text !== undefined && input.text !== current.text) changes.text = input.text;
    if (input.shared !== undefined && input.shared !== current.shared) changes.shared = input.shared;
    return changes;
  }

  private async find(aliases: AliasesRepository, userId: string, id: string): Promise<StoredAlias> {
    const alias = await aliases.findById(userId, id);
    if (!alias) throw new NotFoundError('Alias not found');
    return alias;
  }
}
