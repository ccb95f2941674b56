import { fireEvent, waitFor, within } from '@testing-library/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** What the page is (jsdom says neither): HTTPS or localhost, or plain HTTP at a LAN address; and which device. */
function pageIs({ secure, userAgent }: { secure: boolean; userAgent?: string }): void {
  Object.defineProperty(window, 'isSecureContext', { configurable: true, value: secure });
  if (userAgent) Object.defineProperty(navigator, 'userAgent', { configurable: true, value: userAgent });
}

afterEach(() => {
  Reflect.deleteProperty(window, 'isSecureContext');
  Reflect.deleteProperty(navigator, 'userAgent');
});

/** Chromium's install prompt, as the browser fires it. */
function installPrompt(outcome: 'accepted' | 'dismissed') {
  const prompt = vi.fn(() => Promise.resolve());
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt, userChoice: Promise.resolve({ outcome }) });
  return { event, prompt };
}

async function openInstallPanel() {
  fakeApi({
    ...signedInAs(memberView),
    'GET /auth/sessions': () => json(200, { items: [] }),
    'GET /tokens': () => json(200, { items: [] }),
    'GET /server/urls': () => json(200, { local: 'http://localhost:3000', lan: [] }),
  });
  const screen = await renderApp('/profile');
  return within(await screen.findByRole('region', { name: 'Install the app' }));
}

describe('X-8 Profile → Install the app', () => {
  it('explains on plain HTTP that installing needs HTTPS and where that is set up, even when a prompt arrives', async () => {
    pageIs({ secure: false });
    const panel = await openInstallPanel();
    window.dispatchEvent(installPrompt('accepted').event);

    expect(await panel.findByText(/Installing Cozy Studio as an app needs HTTPS/)).toBeTruthy();
    expect(panel.getByText(/TLS_CERT_FILE and TLS_KEY_FILE.*docs\/https\.md/)).toBeTruthy();
    expect(panel.queryByRole('button', { name: 'Install' })).toBeNull();
  });

  it('shows the browser\'s prompt from an Install button over HTTPS, and says when it is installed', async () => {
    pageIs({ secure: true });
    const panel = await openInstallPanel();
    expect(panel.getByText(/browser’s menu/)).toBeTruthy();
    const { event, prompt } = installPrompt('accepted');

    window.dispatchEvent(event);
    await fireEvent.click(await panel.findByRole('button', { name: 'Install' }));

    expect(event.defaultPrevented).toBe(true);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(await panel.findByText('Cozy Studio is installed on this device.')).toBeTruthy();
  });

  it('drops a declined prompt (it can be shown once) and falls back to the browser menu', async () => {
    pageIs({ secure: true });
    const panel = await openInstallPanel();
    window.dispatchEvent(installPrompt('dismissed').event);

    await fireEvent.click(await panel.findByRole('button', { name: 'Install' }));

    await waitFor(() => expect(panel.queryByRole('button', { name: 'Install' })).toBeNull());
    expect(panel.getByText(/browser’s menu/)).toBeTruthy();
  });

  it('tells iPhone users the Share → Add to Home Screen way over HTTPS', async () => {
    pageIs({ secure: true, userAgent: IPHONE });
    const panel = await openInstallPanel();

    expect(panel.getByText('In Safari, tap Share, then “Add to Home Screen”.')).toBeTruthy();
  });
});
