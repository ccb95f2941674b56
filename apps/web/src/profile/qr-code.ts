/**
 * A QR code of `text` as an SVG data URL for an <img>. The encoder is loaded on first use, so it
 * stays out of every first-load bundle (N-9).
 */
export async function qrCodeImage(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
