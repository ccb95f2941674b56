/** J-2 Smart Resize: images whose width + height exceed this are scaled down to it. */
export const SMART_RESIZE_SUM = 2048;

/**
 * The size an image is scaled to before upload, aspect kept; null when it is small enough.
 * @example smartResizeSize(3000, 2000) // { width: 1229, height: 819 }
 */
export function smartResizeSize(width: number, height: number): { width: number; height: number } | null {
  if (width + height <= SMART_RESIZE_SUM) return null;
  const scale = SMART_RESIZE_SUM / (width + height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The file scaled per `smartResizeSize` as a PNG (lossless, like CozyGen's), or unchanged when it is
 * small enough or the browser cannot decode it here (the server checks and re-encodes either way).
 */
export async function smartResize(file: Blob): Promise<Blob> {
  if (typeof createImageBitmap !== 'function') return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => null);
  if (!bitmap) return file;
  const size = smartResizeSize(bitmap.width, bitmap.height);
  if (!size) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const scaled = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  return scaled ?? file;
}
