import type { AuthUserView } from '@app/shared/contracts/api/auth';
import { errorBody, json } from './fake-api';
import type { Routes } from './fake-api';
import { loginAnswer } from './users';

/** Start-up finds a session for `user` (the refresh cookie is valid). */
export function signedInAs(user: AuthUserView, accessToken = 'access-1'): Routes {
  return { 'POST /auth/refresh': () => json(200, loginAnswer(user, accessToken)) };
}

/** Start-up finds no session. */
export function signedOut(): Routes {
  return { 'POST /auth/refresh': () => errorBody(401, 'No session') };
}
