import type { Kysely } from 'kysely';

/**
 * Studio-wide settings an admin changes at run time (the run caps first), one JSON value per key:
 * like user preferences, a setting added later needs no migration, and a stored value is read
 * through today's schema, a missing or invalid part taking its default. No row = all defaults.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('settings').execute();
}
