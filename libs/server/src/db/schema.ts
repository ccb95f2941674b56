import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely's view of the database. Columns are snake_case in SQL and camelCase here
 * (CamelCasePlugin). Times are Unix milliseconds; flags are 0/1 integers so the same
 * migrations serve SQLite and Postgres.
 */
export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  apiTokens: ApiTokensTable;
}

export interface UsersTable {
  id: string;
  email: string;
  displayName: string;
  role: 'admin' | 'member';
  state: 'active' | 'disabled';
  passwordHash: string;
  mustChangePassword: number;
  createdAt: number;
  updatedAt: number;
}

/** One login on one device. Its refresh tokens form the rotation family (S-18). */
export interface SessionsTable {
  id: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end (90 days after login). */
  expiresAt: number;
  revokedAt: number | null;
  revokedReason: string | null;
}

export interface RefreshTokensTable {
  /** SHA-256 of the opaque cookie value. */
  tokenHash: string;
  sessionId: string;
  createdAt: number;
  /** Set when rotated; presenting a used token again is reuse and revokes the session. */
  usedAt: number | null;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** JSON array of scopes. */
  scopes: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
