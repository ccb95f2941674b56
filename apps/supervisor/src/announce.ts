import type { BootstrapResult } from '@app/server/accounts/bootstrap-admin';
import type { StudioUrls } from '@app/server/system/studio-urls';
import QRCode from 'qrcode';

/** A machine on several networks (Wi-Fi, wired, a VPN) gets a code for each, up to this many. */
const MAX_QR_CODES = 3;

/** Each LAN URL as a terminal QR code a phone's camera opens, with the URL it holds above it. */
async function lanQrCodes(lan: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const url of lan.slice(0, MAX_QR_CODES)) {
    const code = await QRCode.toString(url, { type: 'terminal', small: true });
    lines.push(`Scan to open ${url} on a phone:`, ...code.replace(/\n+$/, '').split('\n'));
  }
  return lines;
}

/** The lines printed once everything is up: where to go (QR codes for phones) and how to log in. */
export async function readyMessage(urls: StudioUrls, admin: BootstrapResult, backends: readonly string[], simulated: boolean): Promise<string[]> {
  const lines = ['', `Cozy Studio is running: ${[urls.local, ...urls.lan].join('  ')}`, ...(await lanQrCodes(urls.lan))];
  if (admin.created && admin.generated) {
    lines.push(`Log in as ${admin.email} with the generated password ${admin.password}`, '(shown only this once; you will be asked to change it)');
  } else if (admin.created) {
    lines.push(`Log in as ${admin.email} with ADMIN_PASSWORD`);
  } else {
    lines.push(`Log in as ${admin.email} (or any account created since)`);
  }
  lines.push(simulated ? `ComfyUI: the built-in stand-in at ${backends.join(', ')} (set COMFYUI_URLS for real servers)` : `ComfyUI: ${backends.join(', ')}`);
  lines.push('Press Ctrl-C to stop.', '');
  return lines;
}
