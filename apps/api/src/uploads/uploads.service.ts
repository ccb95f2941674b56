import { Inject, Injectable } from '@nestjs/common';
import type { Upload, UploadList, UploadListQuery } from '@app/shared/contracts/api/uploads';
import { NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { processImageUpload, uploadLabel } from '@app/server/media/image-upload';
import { writeStillThumbnails } from '@app/server/media/thumbnails';
import { UploadsRepository, type UploadCursor, type UploadRecord } from '@app/server/repositories/uploads.repository';
import { decodeCursor, encodeCursor } from '../common/page-cursor';
import { removeQuietly, writeFileAtomic } from '@app/server/storage/atomic-write';
import { storedUploadFile, thumbnailFiles, uploadFile, uploadRelPath } from '@app/server/storage/paths';
import { Clock } from '@app/server/system/clock';
import { isUuid, newId } from '@app/server/system/ids';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { MediaUrls } from '@app/server/media/media-urls';
import type { ReceivedFile } from './multipart-file';

const cursorSchema = z.tuple([z.number().int().nonnegative(), z.string().refine(isUuid)]);

/** J-2 / S-15: a member's image uploads, stored re-encoded under generated ids. */
@Injectable()
export class UploadsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uploads: UploadsRepository,
    private readonly urls: MediaUrls,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks and re-encodes the image, then writes the file and its thumbnails and records it.
   * Any failure leaves neither files nor a record.
   */
  async create(user: AuthUser, file: ReceivedFile): Promise<Upload> {
    const image = await processImageUpload(file.data);
    const id = newId();
    const path = uploadFile(this.config, { userId: user.id, uploadId: id, ext: image.ext });
    const record: UploadRecord = {
      id,
      userId: user.id,
      label: uploadLabel(file.fileName),
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.data.length,
      sha256: createHash('sha256').update(image.data).digest('hex'),
      relPath: uploadRelPath({ userId: user.id, uploadId: id, ext: image.ext }),
      createdAt: this.clock.now(),
    };
    try {
      await writeFileAtomic(path, image.data);
      await writeStillThumbnails(this.config, id, image.data);
      await this.uploads.create(record);
    } catch (error) {
      await removeQuietly(path, ...thumbnailFiles(this.config, id));
      throw error;
    }
    return this.toUpload(user, record);
  }

  async list(user: AuthUser, query: UploadListQuery): Promise<UploadList> {
    const key = decodeCursor(query.cursor, cursorSchema);
    const after: UploadCursor | undefined = key && { createdAt: key[0], id: key[1] };
    const rows = await this.uploads.listForUser(user.id, { after, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map((row) => this.toUpload(user, row)), nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
  }

  async get(user: AuthUser, id: string): Promise<Upload> {
    const upload = await this.uploads.findForUser(user.id, id);
    if (!upload) throw new NotFoundError('Upload not found');
    return this.toUpload(user, upload);
  }

  /** The record goes first, so nothing ever points at a removed file. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const upload = await this.uploads.delete(user.id, id);
    if (!upload) throw new NotFoundError('Upload not found');
    await removeQuietly(storedUploadFile(this.config, { userId: user.id, uploadId: id, relPath: upload.relPath }), ...thumbnailFiles(this.config, id));
  }

  private toUpload(user: AuthUser, upload: UploadRecord): Upload {
    const mime = z.enum(['image/png', 'image/jpeg', 'image/webp']).parse(upload.mime);
    const { id, label, width, height, bytes, createdAt } = upload;
    return { id, label, mime, width, height, bytes, createdAt, urls: this.urls.urlsForUpload(user, upload) };
  }
}
