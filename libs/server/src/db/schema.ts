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
  workflows: WorkflowsTable;
  workflowVersions: WorkflowVersionsTable;
  backends: BackendsTable;
  jobs: JobsTable;
  jobEvents: JobEventsTable;
  jobPrompts: JobPromptsTable;
  outputs: OutputsTable;
  uploads: UploadsTable;
  aliasCategories: AliasCategoriesTable;
  aliases: AliasesTable;
  aliasRevisions: AliasRevisionsTable;
  aliasTrash: AliasTrashTable;
  workflowMemory: WorkflowMemoryTable;
  userPreferences: UserPreferencesTable;
  settings: SettingsTable;
  tagLists: TagListsTable;
  tags: TagsTable;
  tagAliases: TagAliasesTable;
  tagListCategories: TagListCategoriesTable;
  presets: PresetsTable;
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

export interface WorkflowsTable {
  id: string;
  name: string;
  /** Lower-cased name; unique among workflows not deleted. */
  nameKey: string;
  description: string;
  type: string;
  source: string;
  currentVersion: number;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
  /** Soft delete: jobs keep pointing at the versions they ran. */
  deletedAt: number | null;
}

/** Immutable: every change to a workflow writes a new version (W-2). */
export interface WorkflowVersionsTable {
  workflowId: string;
  version: number;
  /** API-format graph, JSON. */
  graph: string;
  /** FormSchema, JSON. */
  schema: string;
  /** Import warnings, JSON array of strings. */
  warnings: string;
  createdAt: number;
}

export interface BackendsTable {
  id: string;
  url: string;
  name: string;
  enabled: number;
  slots: number;
  state: string;
  comfyuiVersion: string | null;
  /** Last `/object_info`, JSON, so forms load while the backend is down (E-3). */
  objectInfo: string | null;
  /** Model folder → file names (`GET /models/<folder>`), JSON; choice_type lists come from here (W-14). */
  models: string | null;
  capabilitiesAt: number | null;
  lastError: string | null;
  lastSeenAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** One compiled graph for one backend; its id is also the ComfyUI prompt_id. */
export interface JobsTable {
  id: string;
  userId: string;
  workflowId: string;
  workflowVersion: number;
  batchId: string | null;
  status: string;
  /** Raw values as submitted, JSON. */
  values: string;
  /** Field keys, JSON arrays. */
  randomize: string;
  bypass: string;
  /** Values after defaults and randomize draws, JSON. */
  resolvedValues: string;
  seed: number;
  compiledGraph: string | null;
  backendId: string | null;
  clientId: string | null;
  /** JobError, JSON. */
  error: string | null;
  retryOf: string | null;
  attempts: number;
  cancelRequestedAt: number | null;
  queuedAt: number;
  dispatchedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  ingestedAt: number | null;
  updatedAt: number;
  /** The seq of the job's latest state event (J-6); 0 before its first. */
  eventSeq: number;
}

/** A job's state event waiting in the outbox until a relay has published it. */
export interface JobEventsTable {
  jobId: string;
  seq: number;
  userId: string;
  event: string;
  /** The socket payload without jobId and seq, JSON. */
  payload: string;
  createdAt: number;
  /** The relay's claim on the row, and until when it holds. */
  claimedBy: string | null;
  claimedUntil: number | null;
}

/** Raw and expanded text of each text field of a job, with its expansion trace (J-11). */
export interface JobPromptsTable {
  jobId: string;
  field: string;
  raw: string;
  expanded: string;
  trace: string;
}

export interface OutputsTable {
  id: string;
  jobId: string;
  userId: string;
  nodeId: string;
  classType: string;
  batchIndex: number;
  kind: string;
  mime: string;
  ext: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  frames: number | null;
  fps: number | null;
  bytes: number;
  sha256: string;
  /** Below `<DATA_DIR>/outputs`, derived from ids only. */
  relPath: string;
  thumbhash: string | null;
  createdAt: number;
  deletedAt: number | null;
}

export interface UploadsTable {
  id: string;
  userId: string;
  /** The client's file name, a label only (S-15). */
  label: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  /** Below `<DATA_DIR>/uploads`, derived from ids only. */
  relPath: string;
  createdAt: number;
}

export interface AliasCategoriesTable {
  id: string;
  userId: string;
  name: string;
  nameKey: string;
  position: number;
  createdAt: number;
}

export interface AliasesTable {
  id: string;
  userId: string;
  categoryId: string | null;
  name: string;
  /** Lower-cased `category::name` or `name`; unique per user. */
  key: string;
  text: string;
  revision: number;
  shared: number;
  createdAt: number;
  updatedAt: number;
}

export interface AliasRevisionsTable {
  aliasId: string;
  revision: number;
  text: string;
  createdAt: number;
}

/**
 * a deleted alias as it was, kept for undelete (24 h, the newest 50 per user). `categoryId`
 * is the category it was in, which may be deleted since.
 */
export interface AliasTrashTable extends Omit<AliasesTable, 'id'> {
  aliasId: string;
  categoryName: string | null;
  /** Its kept texts, JSON `AliasRevision[]`, newest first. */
  revisions: string;
  deletedAt: number;
}

/** U-8: the last submitted values and switches per user and workflow. */
export interface WorkflowMemoryTable {
  userId: string;
  workflowId: string;
  values: string;
  randomize: string;
  bypass: string;
  updatedAt: number;
}

/** U-8: one user's preferences, JSON `Preferences` (keys the schema no longer knows are dropped on read). */
export interface UserPreferencesTable {
  userId: string;
  preferences: string;
  updatedAt: number;
}

/** Studio-wide settings by key (`run-limits`), each a JSON value read through its current schema. */
export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: number;
}

/** One load of the tag list (T-1, T-2); only the `active` one is searched. */
export interface TagListsTable {
  id: number;
  /** `shipped:danbooru.csv` or the imported file's name. */
  source: string;
  format: string;
  /** `loading` while rows are written, `active` once searched, `retired` until its rows are gone. */
  state: 'loading' | 'active' | 'retired';
  count: number;
  startedAt: number;
  loadedAt: number | null;
}

export interface TagsTable {
  /** Also the rowid of the FTS index on SQLite. */
  id: number;
  listId: number;
  name: string;
  /** Lower-cased, `_` for spaces; unique per list. */
  nameKey: string;
  category: string;
  count: number;
  /** Written spellings between newlines (`\nlonghair\n/lh\n`), or "". */
  aliases: string;
  /** The same aliases as keys, in the same order. */
  aliasKeys: string;
}

/** Alias key → tag, for exact and prefix alias lookups. */
export interface TagAliasesTable {
  listId: number;
  aliasKey: string;
  tagId: number;
}

export interface TagListCategoriesTable {
  listId: number;
  category: string;
  count: number;
}

/** P-1: named form values per user and workflow (all versions). */
export interface PresetsTable {
  id: string;
  userId: string;
  workflowId: string;
  name: string;
  /** Lower-cased name; unique per user and workflow. */
  nameKey: string;
  /** FormValues, JSON. */
  values: string;
  shared: number;
  createdAt: number;
  updatedAt: number;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
