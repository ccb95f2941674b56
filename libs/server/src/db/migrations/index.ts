import type { Migration } from 'kysely';
import * as m0001 from './0001_accounts';
import * as m0002 from './0002_pipeline';
import * as m0003 from './0003_tags_presets';
import * as m0004 from './0004_alias_trash';
import * as m0005 from './0005_user_preferences';
import * as m0006 from './0006_settings';
import * as m0007 from './0007_job_event_outbox';

/** Every migration, in order. Landed migrations are never edited; add a new file instead. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts': m0001,
  '0002_pipeline': m0002,
  '0003_tags_presets': m0003,
  '0004_alias_trash': m0004,
  '0005_user_preferences': m0005,
  '0006_settings': m0006,
  '0007_job_event_outbox': m0007,
};
