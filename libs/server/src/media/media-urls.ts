import { Injectable } from '@nestjs/common';
import type { MediaResource, MediaVariant, OutputMediaUrls, UploadMediaUrls } from '@app/shared/contracts/api/media';
import { MediaSigner } from './media-signer';
import { Clock } from '../system/clock';

/**
 * Builds the signed media URLs (S-24) other modules put into their answers. Each URL is made
 * for one user and works only while that user is active and may still see the file.
 */
@Injectable()
export class MediaUrls {
  constructor(
    private readonly signer: MediaSigner,
    private readonly clock: Clock,
  ) {}

  /** Thumbnails are null for audio (G-5); `downloadClean` exists for PNGs only (J-12). */
  urlsForOutput(user: { id: string }, output: { id: string; kind: string; mime: string }): OutputMediaUrls {
    const url = this.urlFor(user, 'output', output.id);
    const hasThumbnails = output.kind !== 'audio';
    return {
      original: url('original'),
      thumb256: hasThumbnails ? url('thumb256') : null,
      thumb768: hasThumbnails ? url('thumb768') : null,
      download: url('download'),
      downloadClean: output.mime === 'image/png' ? url('download-clean') : null,
    };
  }

  urlsForUpload(user: { id: string }, upload: { id: string }): UploadMediaUrls {
    const url = this.urlFor(user, 'upload', upload.id);
    return { file: url('original'), thumb: url('thumb256') };
  }

  private urlFor(user: { id: string }, resource: MediaResource, id: string): (variant: MediaVariant) => string {
    const now = this.clock.now();
    return (variant) => this.signer.url({ resource, id, variant, userId: user.id }, now);
  }
}
