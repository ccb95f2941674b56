import { z } from 'zod';
import { uploadMediaUrlsSchema } from './media';

/** The multipart field that carries the file of `POST /api/uploads`. */
export const UPLOAD_FILE_FIELD = 'file';

/** J-2 / S-15: a stored, re-encoded image. `label` is the client's file name, shown only. */
export const uploadSchema = z.object({
  id: z.string(),
  label: z.string(),
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  createdAt: z.number(),
  urls: uploadMediaUrlsSchema,
});
export type Upload = z.infer<typeof uploadSchema>;

/** Newest first; `nextCursor` is opaque and null on the last page. */
export const uploadListSchema = z.object({
  items: z.array(uploadSchema),
  nextCursor: z.string().nullable(),
});
export type UploadList = z.infer<typeof uploadListSchema>;

export const uploadListQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(60),
});
export type UploadListQuery = z.infer<typeof uploadListQuerySchema>;
