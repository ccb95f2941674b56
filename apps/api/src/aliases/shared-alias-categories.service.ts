import { Injectable } from '@nestjs/common';
import type { CopySharedAliasCategory, SharedAliasCategoryCopy, SharedAliasCategoryList, SharedAliasCategoryListQuery } from '@app/shared/contracts/api/aliases';
import { ConflictError, NotFoundError } from '@app/shared/contracts/errors';
import { formatAliasKey, isValidAliasName, MAX_ALIASES_PER_USER } from '@app/shared/prompt/alias-syntax';
import { AliasLibraryRepository, type AliasLibraryTransaction } from '@app/server/repositories/alias-library.repository';
import type { NewAlias } from '@app/server/repositories/aliases.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { duplicateAlias, resolveCategory, toAlias, uniqueKey } from './alias-rules';
import { SharedAliasesRepository } from './shared-aliases.repository';

const NAME_MAX_LENGTH = 128;

type Skipped = SharedAliasCategoryCopy['skipped'][number];

/**
 * U-5: a category is offered to others as the owner's shared aliases in it, and copying it copies
 * just those, as private aliases independent of the owner's (like single copies).
 */
@Injectable()
export class SharedAliasCategoriesService {
  constructor(
    private readonly shared: SharedAliasesRepository,
    private readonly library: AliasLibraryRepository,
    private readonly clock: Clock,
  ) {}

  async list(viewerId: string, query: SharedAliasCategoryListQuery): Promise<SharedAliasCategoryList> {
    return { items: await this.shared.listCategories(viewerId, query.q ? query.q.toLowerCase() : undefined) };
  }

  /** One transaction: a limit or a `fail` clash writes nothing, not even the category. */
  async copy(viewerId: string, input: CopySharedAliasCategory): Promise<SharedAliasCategoryCopy> {
    const ownerId = await this.shared.findOwner(viewerId, input.ownerKey);
    const sources = ownerId === undefined ? [] : await this.shared.listInCategory(ownerId, input.category);
    const first = sources[0];
    if (!first) throw new NotFoundError('Shared category not found');
    return this.library.transaction(async (tx) => {
      const now = this.clock.now();
      const category = await resolveCategory(tx, viewerId, input.into === undefined ? first.category : input.into, now, 'body.into');
      const categoryName = category?.name ?? null;
      const copies: NewAlias[] = [];
      const skipped: Skipped[] = [];
      const taken = new Set<string>();
      for (const source of sources) {
        if (!isValidAliasName(source.name, categoryName)) {
          skipped.push({ key: formatAliasKey(categoryName, source.name), reason: 'invalid' });
          continue;
        }
        const name = await this.freeName(tx, viewerId, categoryName, source.name, input.onClash, taken);
        if (name === undefined) {
          skipped.push({ key: formatAliasKey(categoryName, source.name), reason: 'exists' });
          continue;
        }
        const key = uniqueKey(categoryName, name);
        taken.add(key);
        copies.push({ id: newId(), userId: viewerId, categoryId: category?.id ?? null, name, key, text: source.text, shared: false, now });
      }
      const count = await tx.aliases.count(viewerId);
      if (count + copies.length > MAX_ALIASES_PER_USER) {
        throw new ConflictError(`Copying ${copies.length} aliases would pass ${MAX_ALIASES_PER_USER}, the most allowed (you have ${count}); delete some first`);
      }
      await tx.aliases.insert(copies);
      const copied = copies.map(({ id, categoryId, name, text }) =>
        toAlias({ id, categoryId, category: categoryName, name, text, revision: 1, shared: false, createdAt: now, updatedAt: now }),
      );
      return { category: categoryName, copied, skipped };
    });
  }

  /** The name the copy gets, or undefined to skip it; `fail` refuses a taken key with 409. */
  private async freeName(
    tx: AliasLibraryTransaction,
    userId: string,
    category: string | null,
    name: string,
    onClash: CopySharedAliasCategory['onClash'],
    taken: ReadonlySet<string>,
  ): Promise<string | undefined> {
    const isFree = async (candidate: string) => !taken.has(uniqueKey(category, candidate)) && (await tx.aliases.findIdByKey(userId, uniqueKey(category, candidate))) === undefined;
    if (await isFree(name)) return name;
    if (onClash === 'fail') throw duplicateAlias(category, name, null);
    if (onClash === 'skip') return undefined;
    for (let n = 2; ; n += 1) {
      const suffix = `_${n}`;
      const candidate = name.slice(0, NAME_MAX_LENGTH - suffix.length) + suffix;
      if (!isValidAliasName(candidate, category)) return undefined;
      if (await isFree(candidate)) return candidate;
    }
  }
}
