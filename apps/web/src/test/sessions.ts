import type { AuthUserView } from '@app/shared/contracts/api/auth';
import { DEFAULT_PREFERENCES } from '@app/shared/contracts/api/preferences';
import type { Preferences } from '@app/shared/contracts/api/preferences';
import { json, noContent } from './fake-api';
import type { Routes } from './fake-api';
import { loginAnswer } from './users';

/** Start-up finds a session for `user` (the refresh cookie is valid), whose preferences are the defaults. */
export function signedInAs(user: AuthUserView, accessToken = 'access-1'): Routes {
  return { 'POST /auth/refresh': () => json(200, loginAnswer(user, accessToken)), ...storedPreferences(DEFAULT_PREFERENCES) };
}

/** The signed-in user's preferences as the server has them (U-8). */
export function storedPreferences(preferences: Preferences): Routes {
  return { 'GET /auth/me/preferences': () => json(200, preferences) };
}

/** Start-up finds no session: the browser holds no refresh cookie, and the server answers 204. */
export function signedOut(): Routes {
  return { 'POST /auth/refresh': () => noContent() };
}
