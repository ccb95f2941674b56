import type { AliasImportQuery } from '@app/shared/contracts/api/aliases';
import { ConflictError, ValidationError } from '@app/shared/contracts/errors';
import type { NormalisedAliasesFile, PortableAlias } from '@app/shared/prompt/aliases-file';
import { lookupKey, MAX_ALIASES_PER_USER, MAX_CATEGORIES_PER_USER } from '@app/shared/prompt/alias-syntax';
import type { StoredAliasCategory } from '@app/server/repositories/alias-categories.repository';
import type { AliasLibraryTransaction } from '@app/server/repositories/alias-library.repository';
import type { NewAlias, StoredAlias } from '@app/server/repositories/aliases.repository';
import { newId } from '@app/server/system/ids';
import { uniqueKey } from './alias-rules';

export interface ImportCounts {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  categoriesAdded: number;
}

interface ImportScope {
  tx: AliasLibraryTransaction;
  userId: string;
  mode: AliasImportQuery['mode'];
  now: number;
}

/**
 * The file's categories in its order, created when missing; `replace` also takes the file's
 * spelling. Returns them by lower-cased name, and how many were added.
 */
async function importCategories(scope: ImportScope, names: readonly string[]): Promise<{ byName: Map<string, StoredAliasCategory>; added: number }> {
  const { tx, userId } = scope;
  const byName = new Map((await tx.categories.list(userId)).map((c) => [lookupKey(c.name), c]));
  const inFile = new Map<string, StoredAliasCategory>();
  let added = 0;
  for (const name of names) {
    let category = byName.get(lookupKey(name));
    if (!category) {
      category = await tx.categories.append({ id: newId(), userId, name, now: scope.now });
      added += 1;
    } else if (scope.mode === 'replace' && category.name !== name) {
      await tx.categories.rename(category.id, name);
      category = { ...category, name };
    }
    inFile.set(lookupKey(name), category);
  }
  if (scope.mode === 'replace') return { byName: inFile, added };
  for (const [key, category] of inFile) byName.set(key, category);
  return { byName, added };
}

/** Inserts new keys and rewrites changed ones (keeping replaced texts); the keys the file holds. */
async function importAliases(scope: ImportScope, aliases: readonly PortableAlias[], categories: Map<string, StoredAliasCategory>, existing: readonly StoredAlias[]) {
  const { tx, userId, now } = scope;
  const byKey = new Map(existing.map((alias) => [uniqueKey(alias.category, alias.name), alias]));
  const counts = { added: 0, changed: 0, unchanged: 0 };
  const inserts: NewAlias[] = [];
  const keys = new Set<string>();
  for (const alias of aliases) {
    const key = uniqueKey(alias.category, alias.name);
    keys.add(key);
    const current = byKey.get(key);
    if (current && current.text === alias.text && current.name === alias.name) counts.unchanged += 1;
    else if (current) {
      if (!(await tx.aliases.update(current, { name: alias.name, text: alias.text }, now))) {
        throw new ConflictError(`Alias ${current.name} changed during the import; nothing was imported, try again`);
      }
      counts.changed += 1;
    } else {
      const categoryId = alias.category === null ? null : (categories.get(lookupKey(alias.category))?.id ?? null);
      inserts.push({ id: newId(), userId, categoryId, name: alias.name, key, text: alias.text, shared: false, now });
    }
  }
  await tx.aliases.insert(inserts);
  counts.added = inserts.length;
  return { counts, keys };
}

/**
 * Writes a normalised aliases file (A-9) inside the caller's transaction. `merge` adds and rewrites;
 * `replace` also deletes aliases and categories the file lacks and takes the file's category order.
 * Throws ValidationError when the result would exceed A-1's limits, rolling everything back.
 */
export async function applyAliasImport(scope: ImportScope, file: NormalisedAliasesFile): Promise<ImportCounts> {
  const { tx, userId } = scope;
  const existing = await tx.aliases.listAll(userId);
  const before = await tx.categories.list(userId);
  const categories = await importCategories(scope, file.categoryList);
  const { counts, keys } = await importAliases(scope, file.aliases, categories.byName, existing);
  let removed = 0;
  if (scope.mode === 'replace') {
    removed = await tx.aliases.delete(userId, existing.filter((alias) => !keys.has(uniqueKey(alias.category, alias.name))).map((alias) => alias.id));
    const kept = new Set([...categories.byName.values()].map((c) => c.id));
    await tx.categories.delete(userId, before.filter((c) => !kept.has(c.id)).map((c) => c.id));
    await tx.categories.setOrder(userId, [...categories.byName.values()].map((c) => c.id));
  }
  const aliasCount = await tx.aliases.count(userId);
  const categoryCount = await tx.categories.count(userId);
  const errors = [
    ...(aliasCount > MAX_ALIASES_PER_USER ? [{ field: 'items', message: `you would have ${aliasCount} aliases; at most ${MAX_ALIASES_PER_USER}` }] : []),
    ...(categoryCount > MAX_CATEGORIES_PER_USER ? [{ field: 'categoryList', message: `you would have ${categoryCount} categories; at most ${MAX_CATEGORIES_PER_USER}` }] : []),
  ];
  if (errors.length > 0) throw new ValidationError('The import would exceed your limits; nothing was imported', errors);
  return { ...counts, removed, categoriesAdded: categories.added };
}
