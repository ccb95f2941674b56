import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useEventListener, useMediaQuery } from '@vueuse/core';
import { installOption, isIosDevice } from '../install-option';

/** Chromium's install prompt (`beforeinstallprompt`), which TypeScript's DOM types do not have. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

function isInstallPrompt(event: Event): event is InstallPromptEvent {
  return 'prompt' in event && typeof event.prompt === 'function';
}

/**
 * Installing the studio as an app. The browser offers its prompt once, early, on any
 * screen, so `listen` runs at start-up and keeps it for Profile's Install button.
 */
export const useInstallStore = defineStore('install', () => {
  const prompt = shallowRef<InstallPromptEvent | null>(null);
  const isStandalone = useMediaQuery('(display-mode: standalone)');
  const wasJustInstalled = ref(false);

  const option = computed(() =>
    installOption({
      isStandalone: isStandalone.value || wasJustInstalled.value,
      isSecureContext: window.isSecureContext === true,
      hasPrompt: prompt.value !== null,
      isIos: isIosDevice(navigator.userAgent, navigator.maxTouchPoints ?? 0),
    }),
  );

  /** Call from a component's setup: the listeners end with it. */
  function listen(): void {
    useEventListener(window, 'beforeinstallprompt', (event: Event) => {
      if (!isInstallPrompt(event)) return;
      // Keep the browser's own banner away; the Install button shows the prompt instead.
      event.preventDefault();
      prompt.value = event;
    });
    useEventListener(window, 'appinstalled', () => {
      prompt.value = null;
      wasJustInstalled.value = true;
    });
  }

  /** Shows the browser's prompt; it can be shown once, so it is dropped whatever the answer. */
  async function install(): Promise<void> {
    const event = prompt.value;
    if (!event) return;
    prompt.value = null;
    await event.prompt();
    if ((await event.userChoice).outcome === 'accepted') wasJustInstalled.value = true;
  }

  return { option, listen, install };
});
