/** What "Install the app" can offer on this device and page. */
export type InstallOption =
  /** Already running as the installed app. */
  | 'installed'
  /** Plain HTTP on a LAN address: browsers install web apps only from secure contexts. */
  | 'needs-https'
  /** The browser handed us its install prompt (`beforeinstallprompt`): an Install button. */
  | 'prompt'
  /** Safari on iPhone and iPad has no prompt: Share → Add to Home Screen. */
  | 'ios'
  /** Anything else: the browser's own menu. */
  | 'browser-menu';

export interface InstallEnvironment {
  isStandalone: boolean;
  isSecureContext: boolean;
  hasPrompt: boolean;
  isIos: boolean;
}

/**
 * @example installOption({ isStandalone: false, isSecureContext: false, hasPrompt: false, isIos: true }) // 'needs-https'
 */
export function installOption({ isStandalone, isSecureContext, hasPrompt, isIos }: InstallEnvironment): InstallOption {
  if (isStandalone) return 'installed';
  if (!isSecureContext) return 'needs-https';
  if (hasPrompt) return 'prompt';
  return isIos ? 'ios' : 'browser-menu';
}

/** iPhone, iPod and iPad — including iPads that say they are a Mac but have a touch screen. */
export function isIosDevice(userAgent: string, maxTouchPoints: number): boolean {
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}
