import { vi } from 'vitest';

export interface Download {
  fileName: string;
  text(): Promise<string>;
}

/**
 * Files the app offers for download (`downloadText`), caught before jsdom would try to navigate:
 * the file name of the link clicked and the blob it pointed at.
 */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:download-${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ fileName: this.download, text: () => blob.text() });
  });
  return downloads;
}
