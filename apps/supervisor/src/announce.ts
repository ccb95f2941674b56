import type { BootstrapResult } from '@app/server/accounts/bootstrap-admin';
import { networkInterfaces } from 'node:os';

/** Addresses other devices on the LAN (a phone) can open. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

/** The lines printed once everything is up: where to go and how to log in. */
export function readyMessage(port: number, host: string, admin: BootstrapResult, backends: readonly string[], simulated: boolean): string[] {
  const urls = [`http://localhost:${port}`];
  if (host === '0.0.0.0' || host === '::') urls.push(...lanAddresses().map((ip) => `http://${ip}:${port}`));
  const lines = ['', `Cozy Studio is running: ${urls.join('  ')}`];
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
