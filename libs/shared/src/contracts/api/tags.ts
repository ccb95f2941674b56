import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../../form/validate-values';

export const TAG_PAGE_DEFAULT = 20;
export const TAG_PAGE_MAX = 200;

/** The multipart field that carries the file of `POST /api/admin/tags/import`. */
export const TAG_IMPORT_FILE_FIELD = 'file';
/** The largest tag list file accepted (the shipped CSV is 3.5 MB). */
export const TAG_IMPORT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * T-4: `q` matches a substring of a tag's name or an alias, or holds fragments (split at `_`, `-`,
 * spaces) all found in the name; case ignored, space ≡ `_`; empty → every tag. `cursor` is the
 * previous page's `nextCursor`, with the same other parameters.
 */
export const tagSearchQuerySchema = z.strictObject({
  q: z.string().max(200).default(''),
  category: z.string().trim().min(1).max(64).optional(),
  sort: z.enum(['count', 'alpha']).default('count'),
  minCount: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(TAG_PAGE_MAX).default(TAG_PAGE_DEFAULT),
  cursor: z.string().min(1).max(600).optional(),
});
export type TagSearchQuery = z.infer<typeof tagSearchQuerySchema>;

export const tagSchema = z.object({
  /** As in the source (`long_hair`). */
  name: z.string(),
  category: z.string(),
  /** Post count. */
  count: z.number().int(),
  /** Other spellings that lead to this tag. */
  aliases: z.array(z.string()),
  /** The alias `q` matched, when the name itself did not (`longhair` → `long_hair`). */
  matchedAlias: z.string().optional(),
});
export type Tag = z.infer<typeof tagSchema>;

/** `sort=count`: exact name, name prefix, alias prefix, other matches, each by count then name. */
export const tagPageSchema = z.object({
  items: z.array(tagSchema),
  nextCursor: z.string().nullable(),
});
export type TagPage = z.infer<typeof tagPageSchema>;

export const tagListInfoSchema = z.object({
  /** `danbooru.csv (shipped)` or the imported file's name. */
  source: z.string(),
  format: z.enum(['csv', 'cozygen-markdown']),
  loadedAt: z.number(),
});
export type TagListInfo = z.infer<typeof tagListInfoSchema>;

export const tagCategoryListSchema = z.object({
  /** Most tags first. */
  items: z.array(z.object({ category: z.string(), count: z.number().int() })),
  /** Tags in the list. */
  total: z.number().int(),
  /** The list being served; null before the first load. */
  list: tagListInfoSchema.nullable(),
});
export type TagCategoryList = z.infer<typeof tagCategoryListSchema>;

export const validateTagsSchema = z.strictObject({
  text: z.string().max(MAX_TEXT_LENGTH, { message: `must be at most ${MAX_TEXT_LENGTH} characters` }),
});
export type ValidateTags = z.infer<typeof validateTagsSchema>;

/** T-7: plain elements that are neither a tag nor a tag alias; offsets are UTF-16, end exclusive. */
export const tagValidationSchema = z.object({
  unknown: z.array(
    z.object({
      tag: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      /** At most 8, CozyGen's order (T-7). */
      suggestions: z.array(z.string()),
    }),
  ),
});
export type TagValidation = z.infer<typeof tagValidationSchema>;

export const tagLineNoteSchema = z.object({ line: z.number().int(), reason: z.string() });

/**
 * What a running import is doing: parsing and checking the file, writing the tags (`loaded` of
 * `total`), switching searches to the new list, deleting the list it replaced (already unserved).
 */
export const TAG_IMPORT_PHASES = ['reading', 'loading', 'activating', 'removing-old'] as const;
export type TagImportPhase = (typeof TAG_IMPORT_PHASES)[number];

/** `total` is null while the file is read (the count is not known yet). */
export const tagImportProgressSchema = z.object({
  loaded: z.number().int(),
  total: z.number().int().nullable(),
  phase: z.enum(TAG_IMPORT_PHASES),
});
export type TagImportProgress = z.infer<typeof tagImportProgressSchema>;

/** Another list is served now: `source` is its file name. */
export const tagListChangedSchema = z.object({ source: z.string() });
export type TagListChanged = z.infer<typeof tagListChangedSchema>;

/** The new list is served when this answer arrives; progress comes as `tags.import.progress` socket events. */
export const tagImportReportSchema = z.object({
  source: z.string(),
  format: z.enum(['csv', 'cozygen-markdown']),
  loaded: z.number().int(),
  /** Lines left out (a tag repeated); bad lines fail the whole import instead. */
  skipped: z.array(tagLineNoteSchema),
});
export type TagImportReport = z.infer<typeof tagImportReportSchema>;
