import type { Kysely } from 'kysely';

/**
 * U-8: each user's preferences as one JSON object. JSON rather than a column per setting because
 * settings come and go with the web client (gallery density, autoplay, default run count are
 * next): adding one needs no migration, and reading parses the stored object with the current
 * schema, so removed keys drop out and missing ones take their defaults. No row = all defaults.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('preferences', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_preferences').execute();
}
