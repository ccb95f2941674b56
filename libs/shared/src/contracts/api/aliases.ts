import { z } from 'zod';
import { safeText } from '../safe-text';
import { ALIAS_TEXT_MAX_LENGTH, isValidAliasCategory, isValidAliasName, MAX_ALIASES_PER_USER, splitAliasKey } from '../../prompt/alias-syntax';

/** the name rule depends on the category, so services check it; the schema bounds the length. */
const aliasNameSchema = safeText(
  z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(128, { message: 'must be at most 128 characters' }),
);

export const aliasCategoryNameSchema = safeText(z.string().trim()).refine(isValidAliasCategory, { message: 'must be 1–64 letters, digits, _ or -' });

/** A category by name; `null` or `""` (CozyGen's spelling) means uncategorised. */
const aliasCategoryRefSchema = safeText(z.string().trim())
  .nullable()
  .refine((v) => v === null || v === '' || isValidAliasCategory(v), { message: 'must be 1–64 letters, digits, _ or -, or empty' });

const aliasTextSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be blank' })
  .max(ALIAS_TEXT_MAX_LENGTH, { message: `must be at most ${ALIAS_TEXT_MAX_LENGTH} characters` });

const revisionSchema = z.number().int().positive();

/** How many earlier texts of an alias are kept for restoring. */
export const ALIAS_REVISIONS_KEPT = 20;

export const aliasSchema = z.object({
  id: z.string(),
  category: z.string().nullable(),
  name: z.string(),
  /** `category::name` or `name`, in the stored spelling. */
  key: z.string(),
  text: z.string(),
  /** 1 at creation, +1 per edit; PATCH must send the revision it read (S-11). */
  revision: z.number().int(),
  shared: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Alias = z.infer<typeof aliasSchema>;

/** An earlier text, kept when an edit replaced it (the last 20 per alias). */
export const aliasRevisionSchema = z.object({
  revision: z.number().int(),
  text: z.string(),
  createdAt: z.number(),
});
export type AliasRevision = z.infer<typeof aliasRevisionSchema>;

export const aliasDetailSchema = aliasSchema.extend({ revisions: z.array(aliasRevisionSchema) });
export type AliasDetail = z.infer<typeof aliasDetailSchema>;

export const ALIAS_PAGE_DEFAULT = 200;
export const ALIAS_PAGE_MAX = 1000;

/**
 * Search (`q` in key and text, ignoring case), filter by category name (`category=` with an empty value:
 * uncategorised only), ordered by key; `cursor` is the previous page's `nextCursor`.
 */
export const aliasListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(64).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(ALIAS_PAGE_MAX).default(ALIAS_PAGE_DEFAULT),
});
export type AliasListQuery = z.infer<typeof aliasListQuerySchema>;

export const aliasListSchema = z.object({
  items: z.array(aliasSchema),
  /** Matches of the whole search, not just this page. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type AliasList = z.infer<typeof aliasListSchema>;

export const createAliasSchema = z.strictObject({
  /** A category that does not exist yet is created at the end of the list. */
  category: aliasCategoryRefSchema.optional(),
  name: aliasNameSchema,
  text: aliasTextSchema,
  shared: z.boolean().default(false),
});
export type CreateAlias = z.infer<typeof createAliasSchema>;

export const updateAliasSchema = z.strictObject({
  category: aliasCategoryRefSchema.optional(),
  name: aliasNameSchema.optional(),
  text: aliasTextSchema.optional(),
  shared: z.boolean().optional(),
  /** The revision the change was made against; another edit since then → 409 (S-11). */
  revision: revisionSchema,
});
export type UpdateAlias = z.infer<typeof updateAliasSchema>;

export const restoreAliasSchema = z.strictObject({ revision: revisionSchema });
export type RestoreAlias = z.infer<typeof restoreAliasSchema>;

/** An alias key as written before a rename: `category::name` or `name`. */
const formerKeySchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(200, { message: 'must be at most 200 characters' })
  .refine((key) => {
    const { category, name } = splitAliasKey(key);
    return (category === null || isValidAliasCategory(category)) && isValidAliasName(name, category);
  }, { message: 'must be an alias key such as places::castle' });

/**
 * A-8: after renaming aliases (or their category), tokens that named them by their former keys in
 * the user's presets, remembered form values and other aliases' texts are pointed at the new keys.
 * `dryRun` only counts, so the screen can offer it first. Recorded jobs are never touched.
 */
export const rewriteAliasReferencesSchema = z.strictObject({
  renames: z
    .array(z.strictObject({ id: z.uuid({ message: 'must be an alias id' }), from: formerKeySchema }))
    .min(1, { message: 'must name at least one renamed alias' })
    .max(MAX_ALIASES_PER_USER),
  dryRun: z.boolean().default(false),
});
export type RewriteAliasReferences = z.infer<typeof rewriteAliasReferencesSchema>;

export const aliasReferencesReportSchema = z.object({
  /** Tokens pointed (or, for a dry run, to be pointed) at the new keys. */
  tokens: z.number().int(),
  presets: z.number().int(),
  /** Workflows whose remembered form values changed. */
  memories: z.number().int(),
  /** Other aliases whose text changed (each gets a new revision). */
  aliases: z.number().int(),
});
export type AliasReferencesReport = z.infer<typeof aliasReferencesReportSchema>;

export const aliasCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 0-based place in the user's list. */
  position: z.number().int(),
  /** Aliases in the category. */
  count: z.number().int(),
});
export type AliasCategory = z.infer<typeof aliasCategorySchema>;

export const aliasCategoryListSchema = z.object({
  items: z.array(aliasCategorySchema),
  /** Aliases without a category. */
  uncategorised: z.number().int(),
});
export type AliasCategoryList = z.infer<typeof aliasCategoryListSchema>;

export const createAliasCategorySchema = z.strictObject({ name: aliasCategoryNameSchema });
export type CreateAliasCategory = z.infer<typeof createAliasCategorySchema>;

export const updateAliasCategorySchema = z
  .strictObject({
    /** Renaming rewrites the keys of the category's aliases. */
    name: aliasCategoryNameSchema.optional(),
    /** Moves the category to this 0-based place (clamped to the list). */
    position: z.number().int().nonnegative().optional(),
  })
  .refine((v) => v.name !== undefined || v.position !== undefined, { message: 'nothing to change' });
export type UpdateAliasCategory = z.infer<typeof updateAliasCategorySchema>;

export const reorderAliasCategoriesSchema = z.strictObject({ ids: z.array(z.string()).max(1000) });
export type ReorderAliasCategories = z.infer<typeof reorderAliasCategoriesSchema>;

/** `merge` keeps aliases the file lacks; `replace` makes the library equal to the file. */
export const aliasImportQuerySchema = z.strictObject({
  mode: z.enum(['merge', 'replace']).default('merge'),
  onInvalid: z.enum(['reject', 'skip']).default('reject'),
});
export type AliasImportQuery = z.infer<typeof aliasImportQuerySchema>;

const importNoteSchema = z.object({
  key: z.string(),
  reason: z.enum(['blank-key', 'not-a-string', 'blank-text', 'category-mismatch', 'duplicate', 'invalid']),
  message: z.string(),
});

export const aliasImportReportSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Aliases the file lacked, deleted by `replace` (always 0 for `merge`). */
  removed: z.number().int(),
  categoriesAdded: z.number().int(),
  /** Entries of the file that were not imported. */
  skipped: z.array(importNoteSchema),
  /** Imported, but not quite as written (a disagreeing `categories` entry, a repeated key). */
  notices: z.array(importNoteSchema),
});
export type AliasImportReport = z.infer<typeof aliasImportReportSchema>;

export const SHARED_ALIAS_PAGE_DEFAULT = 50;
export const SHARED_ALIAS_PAGE_MAX = 200;

/** U-5: other users' shared aliases, searched by key and text (case ignored), ordered by key. */
export const sharedAliasListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().min(1).max(600).optional(),
  limit: z.coerce.number().int().min(1).max(SHARED_ALIAS_PAGE_MAX).default(SHARED_ALIAS_PAGE_DEFAULT),
});
export type SharedAliasListQuery = z.infer<typeof sharedAliasListQuerySchema>;

/** Another user's alias as shared: readable, copyable, never used in anyone else's expansion. */
export const sharedAliasSchema = aliasSchema.pick({ id: true, category: true, name: true, key: true, text: true, updatedAt: true }).extend({ ownerName: z.string() });
export type SharedAlias = z.infer<typeof sharedAliasSchema>;

export const sharedAliasListSchema = z.object({ items: z.array(sharedAliasSchema), nextCursor: z.string().nullable() });
export type SharedAliasList = z.infer<typeof sharedAliasListSchema>;

/** The copy keeps the shared alias's category and name unless others are given (`null` or "" = none). */
export const copyAliasSchema = z.strictObject({ category: createAliasSchema.shape.category, name: createAliasSchema.shape.name.optional() });
export type CopyAlias = z.infer<typeof copyAliasSchema>;

/** U-5: other users' categories holding shared aliases, found by category or owner name (case ignored). */
export const sharedAliasCategoryListQuerySchema = z.strictObject({ q: z.string().trim().max(200).optional() });
export type SharedAliasCategoryListQuery = z.infer<typeof sharedAliasCategoryListQuerySchema>;

/**
 * One owner's category as far as they share it: `count` shared aliases; their private ones are not
 * counted and never copied. Owners are not exposed by id: `ownerKey` is the id of one of their shared
 * aliases in it, which the copy takes to find the owner.
 */
export const sharedAliasCategorySchema = z.object({ ownerKey: z.string(), ownerName: z.string(), category: z.string(), count: z.number().int() });
export type SharedAliasCategory = z.infer<typeof sharedAliasCategorySchema>;

/** Ordered by category, then owner. */
export const sharedAliasCategoryListSchema = z.object({ items: z.array(sharedAliasCategorySchema) });
export type SharedAliasCategoryList = z.infer<typeof sharedAliasCategoryListSchema>;

/**
 * Copies every shared alias of the owner's category in one transaction, into `into` (absent: a
 * category of the same name; `null` or "": uncategorised). A key the caller already has is skipped,
 * copied as `name_2`, `name_3`, … (`rename`) or refuses the whole copy with 409 (`fail`).
 */
export const copySharedAliasCategorySchema = z.strictObject({
  ownerKey: z.uuid({ message: 'must be an ownerKey from the shared categories list' }),
  category: aliasCategoryNameSchema,
  into: aliasCategoryRefSchema.optional(),
  onClash: z.enum(['skip', 'rename', 'fail']).default('skip'),
});
export type CopySharedAliasCategory = z.infer<typeof copySharedAliasCategorySchema>;

export const sharedAliasCategoryCopySchema = z.object({
  /** Where the copies went in the caller's library; null for uncategorised. */
  category: z.string().nullable(),
  copied: z.array(aliasSchema),
  /** Shared aliases not copied: `exists` (the caller has the key), `invalid` (the name cannot go uncategorised). */
  skipped: z.array(z.object({ key: z.string(), reason: z.enum(['exists', 'invalid']) })),
});
export type SharedAliasCategoryCopy = z.infer<typeof sharedAliasCategoryCopySchema>;
