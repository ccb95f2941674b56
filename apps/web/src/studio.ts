import { createPinia, setActivePinia } from 'pinia';
import type { Pinia } from 'pinia';
import type { App } from 'vue';
import type { Router, RouterHistory } from 'vue-router';
import { provideSocket, socketKey } from './api/socket';
import type { SocketClient } from './api/socket';
import { installSession } from './auth/installSession';
import { createAppRouter } from './router';
import { reportError } from './shell/reportError';

/** A Vue plugin (`app.use(studio)`) that also exposes its store and router. */
export interface Studio {
  pinia: Pinia;
  router: Router;
  install(app: App): void;
}

export interface StudioOptions {
  history?: RouterHistory;
  /** Open the live socket while signed in. Component tests run without one (no server in jsdom). */
  withSocket?: boolean;
  /** A socket client to use instead (tests drive events through their own). */
  socket?: SocketClient;
}

/**
 * Everything the app needs installed: store, router with its guard, the HTTP session wiring and
 * the live socket. main.ts and the component tests build the app the same way.
 */
export function createStudio({ history, withSocket = true, socket }: StudioOptions = {}): Studio {
  const pinia = createPinia();
  // The router guard reads the auth store, possibly before the app is mounted.
  setActivePinia(pinia);
  const router = createAppRouter(history);
  return {
    pinia,
    router,
    install(app: App) {
      app.use(pinia);
      app.use(router);
      const session = installSession(router);
      if (socket) app.provide(socketKey, socket);
      else if (withSocket) provideSocket(app, session, reportError);
      app.config.errorHandler = reportError;
    },
  };
}
