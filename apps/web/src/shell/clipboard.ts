/**
 * Puts text on the clipboard; resolves whether it got there. The clipboard API exists only in
 * secure contexts (HTTPS, localhost), so a phone at http://<lan-ip> takes the older path: copy
 * the selection of a hidden text area, which browsers still allow during a tap or click.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  if (navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permission, focus): the selection path below may still be allowed.
    }
  }
  return copySelection(text);
}

function copySelection(text: string): boolean {
  const previous = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  // Read-only keeps a phone's keyboard closed; fixed and transparent keeps the page from scrolling.
  area.readOnly = true;
  area.style.position = 'fixed';
  area.style.inset = '0 auto auto 0';
  area.style.opacity = '0';
  document.body.append(area);
  area.focus({ preventScroll: true });
  area.select();
  // iOS selects nothing on select() alone.
  area.setSelectionRange(0, text.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (previous instanceof HTMLElement) previous.focus();
  }
}
