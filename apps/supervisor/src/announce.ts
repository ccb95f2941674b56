import type { BootstrapResult } from '@app/server/accounts/bootstrap-admin';
import type { StudioUrls } from '@app/server/system/studio-urls';

/** The lines printed once everything is up: where to go and how to log in. */
export function readyMessage(urls: StudioUrls, admin: BootstrapResult, backends: readonly string[], simulated: boolean): string[] {
  const lines = ['', `Cozy Studio is running: ${[urls.local, ...urls.lan].join('  ')}`];
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
