import { thumbHashToDataURL } from 'thumbhash';

const MAX_CACHED = 600;
const cache = new Map<string, string | null>();

function decode(base64: string): string | null {
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
  } catch {
    // A malformed hash only costs the placeholder; the thumbnail still loads.
    return null;
  }
}

/**
 * A ThumbHash (base64, G-5) as a tiny PNG data URL for the placeholder shown until the thumbnail
 * loads. Decoded once per hash; the cache forgets its oldest entries beyond a few hundred.
 */
export function thumbhashUrl(base64: string | null): string | null {
  if (!base64) return null;
  const cached = cache.get(base64);
  if (cached !== undefined) return cached;
  const url = decode(base64);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
  cache.set(base64, url);
  return url;
}
