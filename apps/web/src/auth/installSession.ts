import type { Router } from 'vue-router';
import { bindSession } from '../api/http';
import type { SessionHooks } from '../api/http';
import { t } from '../i18n/en';
import { reportError } from '../shell/reportError';
import { useToastStore } from '../shell/stores/toastStore';
import { useAuthStore } from './stores/authStore';

/**
 * Wires the auth store into the HTTP client: requests carry its token and refresh through it;
 * a session that cannot be refreshed sends the user to sign in, with `next` set to where they
 * were. Returns the hooks so the live socket can share them. Call after `app.use(pinia)`.
 */
export function installSession(router: Router): SessionHooks {
  const auth = useAuthStore();
  const hooks: SessionHooks = {
    accessToken: () => auth.accessToken,
    refresh: () => auth.refresh(),
    expire: () => {
      auth.clear();
      const current = router.currentRoute.value;
      if (current.meta.isPublic) return;
      useToastStore().show(t('error.sessionExpired'), 'info');
      router.push({ name: 'login', query: { next: current.fullPath } }).catch(reportError);
    },
  };
  bindSession(hooks);
  return hooks;
}
