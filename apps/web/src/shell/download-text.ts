/** Some browsers read the blob after the click returns, so its URL is released a while later. */
const RELEASE_AFTER_MS = 30_000;

/** Offers `text` as a file download (exports of aliases and presets). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}
