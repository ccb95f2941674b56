import type { Alias } from '@app/shared/contracts/api/aliases';
import { ConflictError, ValidationError } from '@app/shared/contracts/errors';
import { describeAliasNameRule, formatAliasKey, isValidAliasName, lookupKey, MAX_ALIASES_PER_USER, MAX_CATEGORIES_PER_USER } from '@app/shared/prompt/alias-syntax';
import type { AliasLibraryTransaction } from '@app/server/repositories/alias-library.repository';
import type { StoredAliasCategory } from '@app/server/repositories/alias-categories.repository';
import type { StoredAlias } from '@app/server/repositories/aliases.repository';
import { newId } from '@app/server/system/ids';

export function toAlias({ categoryId: _categoryId, ...alias }: StoredAlias): Alias {
  return { ...alias, key: formatAliasKey(alias.category, alias.name) };
}

/** The lower-cased key uniqueness is checked on. */
export function uniqueKey(category: string | null, name: string): string {
  return lookupKey(formatAliasKey(category, name));
}

/** A-1's name rule, which depends on whether the alias has a category. */
export function assertAliasName(name: string, category: string | null): void {
  if (!isValidAliasName(name, category)) throw new ValidationError('Invalid alias name', [{ field: 'body.name', message: describeAliasNameRule(category) }]);
}

/** `field` names the request part that chose the key; null when none did (undelete). */
export function duplicateAlias(category: string | null, name: string, field: string | null = 'body.name'): ConflictError {
  return new ConflictError(
    `You already have an alias ${formatAliasKey(category, name)}`,
    field ? [{ field, message: 'is already used in this category (ignoring case)' }] : [],
  );
}

export function tooManyAliases(): ConflictError {
  return new ConflictError(`You have ${MAX_ALIASES_PER_USER} aliases, the most allowed; delete some first`);
}

export function tooManyCategories(field: string | null): ConflictError {
  return new ConflictError(`You have ${MAX_CATEGORIES_PER_USER} alias categories, the most allowed`, field ? [{ field, message: 'no room for another category' }] : []);
}

/** The category named (ignoring case), created at the end of the list when missing; null for none. */
export async function resolveCategory(
  tx: AliasLibraryTransaction,
  userId: string,
  name: string | null,
  now: number,
  field: string | null = 'body.category',
): Promise<StoredAliasCategory | null> {
  if (!name) return null;
  const existing = await tx.categories.findByName(userId, name);
  if (existing) return existing;
  if ((await tx.categories.count(userId)) >= MAX_CATEGORIES_PER_USER) throw tooManyCategories(field);
  return tx.categories.append({ id: newId(), userId, name, now });
}
