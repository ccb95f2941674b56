/**
 * A `Content-Disposition` value that cannot break out of its header: the plain `filename`
 * keeps printable ASCII only (quotes, backslashes and path separators replaced), and a
 * UTF-8 `filename*` (RFC 6266 / 5987) carries any other characters.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '_');
  const ascii = cleaned.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["%]/g, '_');
  const extended = ascii === cleaned ? '' : `; filename*=UTF-8''${encodeURIComponent(cleaned).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  return `${type}; filename="${ascii}"${extended}`;
}
