import { aliasSchema, createAliasSchema } from '@app/shared/contracts/api/aliases';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

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

export class SharedAliasListQueryDto extends createZodDto(sharedAliasListQuerySchema) {}
export class SharedAliasListDto extends createZodDto(sharedAliasListSchema) {}
export class CopyAliasDto extends createZodDto(copyAliasSchema) {}
