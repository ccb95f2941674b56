import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authUserSchema, loginResponseSchema } from '@app/shared/contracts/api/auth';
import type { AuthUserView, ChangePassword, LoginRequest, LoginResponse } from '@app/shared/contracts/api/auth';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/http';
import { reportError } from '../../shell/reportError';

/** The signed-in user and their in-memory access token (S-18: never stored, never in a URL). */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<AuthUserView | null>(null);
  const accessToken = ref<string | null>(null);
  const isAuthenticated = computed(() => user.value !== null);
  const isAdmin = computed(() => user.value?.role === 'admin');
  const mustChangePassword = computed(() => user.value?.mustChangePassword === true);

  let refreshing: Promise<boolean> | null = null;
  let restoring: Promise<void> | null = null;

  function applySession(answer: LoginResponse): void {
    accessToken.value = answer.accessToken;
    user.value = answer.user;
  }

  /** Forgets the session locally (the server side is ended by `logout`). */
  function clear(): void {
    accessToken.value = null;
    user.value = null;
  }

  async function login(credentials: LoginRequest): Promise<AuthUserView> {
    const answer = await request('POST', '/auth/login', { body: credentials, schema: loginResponseSchema, anonymous: true });
    applySession(answer);
    return answer.user;
  }

  async function refreshOnce(): Promise<boolean> {
    try {
      // 204 (no body): the browser holds no refresh cookie, so nobody is signed in here.
      const answer = await request('POST', '/auth/refresh', { schema: loginResponseSchema.optional(), anonymous: true });
      if (!answer) {
        clear();
        return false;
      }
      applySession(answer);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        clear();
        return false;
      }
      throw error;
    }
  }

  /** Trades the refresh cookie for a new access token. Concurrent callers share one request. */
  function refresh(): Promise<boolean> {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /**
   * Restores a session from the refresh cookie when the app starts. Runs once; later calls share
   * the first result. Never rejects: an unreachable server is reported and leaves the user signed out.
   */
  function restore(): Promise<void> {
    restoring ??= refresh().then(() => undefined, reportError);
    return restoring;
  }

  /** Ends the session on the server (by its refresh cookie, so it works with an expired token) and here. */
  async function logout(): Promise<void> {
    try {
      await request('POST', '/auth/logout', { anonymous: true });
    } finally {
      clear();
    }
  }

  async function changePassword(change: ChangePassword): Promise<void> {
    await request('POST', '/auth/password', { body: change });
    if (user.value) user.value = { ...user.value, mustChangePassword: false };
  }

  async function updateDisplayName(displayName: string): Promise<void> {
    user.value = await request('PATCH', '/auth/me', { body: { displayName }, schema: authUserSchema });
  }

  return {
    user,
    accessToken,
    isAuthenticated,
    isAdmin,
    mustChangePassword,
    login,
    refresh,
    restore,
    logout,
    clear,
    changePassword,
    updateDisplayName,
  };
});
