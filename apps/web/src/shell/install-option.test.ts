import { describe, expect, it } from 'vitest';
import { installOption, isIosDevice } from './install-option';
import type { InstallEnvironment, InstallOption } from './install-option';

const base: InstallEnvironment = { isStandalone: false, isSecureContext: true, hasPrompt: false, isIos: false };

describe('X-8 what "Install the app" offers', () => {
  it.each<[string, Partial<InstallEnvironment>, InstallOption]>([
    ['running as the installed app', { isStandalone: true, isSecureContext: false }, 'installed'],
    ['plain HTTP at a LAN address, even with a prompt', { isSecureContext: false, hasPrompt: true }, 'needs-https'],
    ['plain HTTP on an iPhone', { isSecureContext: false, isIos: true }, 'needs-https'],
    ['HTTPS with the browser prompt', { hasPrompt: true }, 'prompt'],
    ['HTTPS on an iPhone (Safari has no prompt)', { isIos: true }, 'ios'],
    ['HTTPS without a prompt elsewhere', {}, 'browser-menu'],
  ])('%s → %s', (_case, environment, expected) => {
    expect(installOption({ ...base, ...environment })).toBe(expected);
  });
});

describe('isIosDevice', () => {
  it.each<[string, string, number, boolean]>([
    ['iPhone Safari', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 5, true],
    ['iPad in desktop mode', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 5, true],
    ['a Mac', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 0, false],
    ['Android Chrome', 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36', 5, false],
  ])('%s → %s', (_case, userAgent, touchPoints, expected) => {
    expect(isIosDevice(userAgent, touchPoints)).toBe(expected);
  });
});
