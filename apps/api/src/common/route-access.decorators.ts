import { SetMetadata } from '@nestjs/common';
import type { TokenScope } from '@app/shared/contracts/api/tokens';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_SCOPE = 'access:scope';
export const ADMIN_ONLY = 'access:admin';
export const SESSION_ONLY = 'access:session';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'access:before-password-change';

/** Opens a route to unauthenticated callers. The public list is short and tested (S-1). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Overrides the default scope (GET/HEAD → `read`, anything else → `generate`). */
export const RequireScope = (scope: TokenScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Admin role, and for API tokens also the `admin` scope. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

/** Credentials management: only a signed-in browser session, never an API token. */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

/** Reachable while a generated or reset password still has to be changed (U-2). */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
