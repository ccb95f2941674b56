import { Inject, Injectable } from '@nestjs/common';
import { mediaResourceSchema, mediaVariantSchema, type MediaResource, type MediaVariant } from '@app/shared/contracts/api/media';
import { NotFoundError } from '@app/shared/contracts/errors';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { MediaSigner, type MediaTarget } from '@app/server/media/media-signer';
import { OutputsRepository } from '@app/server/repositories/outputs.repository';
import { UploadsRepository } from '@app/server/repositories/uploads.repository';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { storedOutputFile, storedUploadFile, thumbnailFile } from '@app/server/storage/paths';
import { Clock } from '@app/server/system/clock';
import { isUuid } from '@app/server/system/ids';
import { z } from 'zod';

/** A file to send, with everything its HTTP answer needs. */
export interface MediaFile {
  path: string;
  mime: string;
  /** Strong validator: the content hash and the variant. */
  etag: string;
  disposition: 'inline' | 'attachment';
  fileName: string;
  /** `download-clean`: stream the PNG without its text chunks. */
  stripPngText: boolean;
  /** Seconds until the URL expires. */
  maxAgeSeconds: number;
}

const uuid = z.string().refine(isUuid).transform((id) => id.toLowerCase());
const requestSchema = z.object({
  resource: mediaResourceSchema,
  id: uuid,
  variant: mediaVariantSchema,
  u: uuid,
  exp: z.string().regex(/^\d{1,12}$/).transform(Number),
  sig: z.string(),
});

/** What one stored file offers, whatever its kind. */
interface Resolved {
  id: string;
  mime: string;
  ext: string;
  sha256: string;
  path: string;
  variants: readonly MediaVariant[];
}

const NOT_FOUND = 'Not found';

/**
 * S-24: a signed media request is answered only when the signature fits, the URL has not
 * expired, its signer is still active and the file is still theirs and not deleted. Every
 * refusal is the same 404 (U-5), whatever the reason.
 */
@Injectable()
export class MediaService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: MediaSigner,
    private readonly users: UsersRepository,
    private readonly outputs: OutputsRepository,
    private readonly uploads: UploadsRepository,
    private readonly clock: Clock,
  ) {}

  async resolve(request: Record<string, unknown>): Promise<MediaFile> {
    const parsed = requestSchema.safeParse(request);
    if (!parsed.success) throw new NotFoundError(NOT_FOUND);
    const { resource, id, variant, u: userId, exp, sig } = parsed.data;
    const now = this.clock.now();
    const target: MediaTarget = { resource, id, variant, userId };
    if (!this.signer.verify(target, exp, sig, now)) throw new NotFoundError(NOT_FOUND);
    if ((await this.users.findById(userId))?.state !== 'active') throw new NotFoundError(NOT_FOUND);
    return this.fileFor(userId, resource, id, variant, Math.max(0, exp - Math.floor(now / 1000)));
  }

  /**
   * The file behind one variant of the user's own output or upload — for a verified signature
   * above, or for a caller the access guard already authenticated (Bearer routes).
   */
  async fileFor(userId: string, resource: MediaResource, id: string, variant: MediaVariant, maxAgeSeconds: number): Promise<MediaFile> {
    const found = resource === 'output' ? await this.findOutput(userId, id) : await this.findUpload(userId, id);
    if (!found?.variants.includes(variant)) throw new NotFoundError(NOT_FOUND);
    const thumbSize = variant === 'thumb256' ? 256 : variant === 'thumb768' ? 768 : undefined;
    const common = { etag: `"${found.sha256.slice(0, 32)}-${variant}"`, maxAgeSeconds };
    if (thumbSize) {
      return { ...common, path: thumbnailFile(this.config, found.id, thumbSize), mime: 'image/webp', disposition: 'inline', fileName: `${found.id}-${thumbSize}.webp`, stripPngText: false };
    }
    return {
      ...common,
      path: found.path,
      mime: found.mime,
      disposition: variant === 'original' ? 'inline' : 'attachment',
      fileName: `${found.id}.${found.ext}`,
      stripPngText: variant === 'download-clean',
    };
  }

  private async findOutput(userId: string, id: string): Promise<Resolved | undefined> {
    const output = await this.outputs.findLiveForUser(userId, id);
    if (!output) return undefined;
    const variants: MediaVariant[] = ['original', 'download'];
    if (output.kind !== 'audio') variants.push('thumb256', 'thumb768');
    if (output.mime === 'image/png') variants.push('download-clean');
    return { ...output, path: storedOutputFile(this.config, { userId, outputId: id, relPath: output.relPath }), variants };
  }

  private async findUpload(userId: string, id: string): Promise<Resolved | undefined> {
    const upload = await this.uploads.findForUser(userId, id);
    if (!upload) return undefined;
    const ext = upload.relPath.slice(upload.relPath.lastIndexOf('.') + 1);
    const path = storedUploadFile(this.config, { userId, uploadId: id, relPath: upload.relPath });
    return { ...upload, ext, path, variants: ['original', 'download', 'thumb256', 'thumb768'] };
  }
}
