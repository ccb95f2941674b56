import { z } from 'zod';

/** G-3: what an output or upload is, decided from its content, never from its name. */
export const MEDIA_KINDS = ['image', 'video', 'audio'] as const;
export const mediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/** The resources behind `/api/media/:kind/:id/:variant`. */
export const MEDIA_RESOURCES = ['output', 'upload'] as const;
export const mediaResourceSchema = z.enum(MEDIA_RESOURCES);
export type MediaResource = z.infer<typeof mediaResourceSchema>;

/**
 * S-24 variants: the stored file, its two thumbnails (G-5), the file as an attachment, and a
 * PNG without its text chunks (G-10 "download without metadata", J-12).
 */
export const MEDIA_VARIANTS = ['original', 'thumb256', 'thumb768', 'download', 'download-clean'] as const;
export const mediaVariantSchema = z.enum(MEDIA_VARIANTS);
export type MediaVariant = z.infer<typeof mediaVariantSchema>;

/**
 * Signed URLs of one output for the user they were made for. Thumbnails are null for audio;
 * `downloadClean` exists for PNGs only.
 */
export const outputMediaUrlsSchema = z.object({
  original: z.string(),
  thumb256: z.string().nullable(),
  thumb768: z.string().nullable(),
  download: z.string(),
  downloadClean: z.string().nullable(),
});
export type OutputMediaUrls = z.infer<typeof outputMediaUrlsSchema>;

/** Signed URLs of one upload: the stored image and its small thumbnail. */
export const uploadMediaUrlsSchema = z.object({
  file: z.string(),
  thumb: z.string(),
});
export type UploadMediaUrls = z.infer<typeof uploadMediaUrlsSchema>;
