import type { MediaResource, MediaVariant } from '@app/shared/contracts/api/media';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** One file a signed URL grants: a variant of an output or upload, for the user it was made for. */
export interface MediaTarget {
  resource: MediaResource;
  id: string;
  variant: MediaVariant;
  userId: string;
}

/** The query of a signed media URL. */
export interface MediaSignature {
  /** The user the URL was made for. */
  u: string;
  /** Unix seconds. */
  exp: number;
  /** base64url HMAC-SHA256. */
  sig: string;
}

const DAY_SECONDS = 24 * 60 * 60;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * S-24 expiry: the end of the next UTC day (Unix seconds). Every URL made on one day carries
 * the same expiry, so it stays byte-identical and cacheable, and lives between 24 and 48 hours.
 */
export function mediaExpiry(nowMs: number): number {
  return (Math.floor(nowMs / 1000 / DAY_SECONDS) + 2) * DAY_SECONDS;
}

/**
 * Signs and checks media URLs: HMAC-SHA256 over resource kind, id, variant, expiry and user,
 * keyed by a key derived from the JWT secret (never the secret itself), so a URL works only
 * as issued: another user, file, variant or expiry needs a signature only the server can make.
 */
export class MediaSigner {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', jwtSecret, 'cozy-studio', 'media-url-v1', 32));
  }

  sign(target: MediaTarget, nowMs: number): MediaSignature {
    const exp = mediaExpiry(nowMs);
    return { u: target.userId, exp, sig: this.mac(target, exp).toString('base64url') };
  }

  /** True when `sig` was made by `sign` for exactly this target and expiry, and has not expired. */
  verify(target: MediaTarget, exp: number, sig: string, nowMs: number): boolean {
    if (!Number.isSafeInteger(exp) || exp * 1000 <= nowMs || exp > mediaExpiry(nowMs)) return false;
    if (!SIGNATURE_PATTERN.test(sig)) return false;
    // Compared as text: base64url's last character carries two unused bits, so decoding first
    // would accept four spellings of one signature.
    return timingSafeEqual(Buffer.from(sig, 'latin1'), Buffer.from(this.mac(target, exp).toString('base64url'), 'latin1'));
  }

  /** `/api/media/<resource>/<id>/<variant>?u=…&exp=…&sig=…` */
  url(target: MediaTarget, nowMs: number): string {
    const { u, exp, sig } = this.sign(target, nowMs);
    return `/api/media/${target.resource}/${target.id}/${target.variant}?${new URLSearchParams({ u, exp: String(exp), sig }).toString()}`;
  }

  private mac(target: MediaTarget, exp: number): Buffer {
    return createHmac('sha256', this.key).update(['v1', target.resource, target.id, target.variant, String(exp), target.userId].join('\n')).digest();
  }
}
