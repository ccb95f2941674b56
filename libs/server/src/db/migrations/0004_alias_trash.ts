import type { Kysely } from 'kysely';

/**
 * Recently deleted aliases (A-8 "delete with undo"): a snapshot of the alias row and its kept
 * revisions, so undelete brings back the same id, revision and history. The category is kept by
 * id and by name, since it may be gone by the time the alias comes back. No foreign key to
 * `aliases` or `alias_categories`: both rows are deleted while the snapshot stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alias_trash')
    .addColumn('alias_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('category_id', 'text')
    .addColumn('category_name', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('revisions', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alias_trash_user_deleted').on('alias_trash').columns(['user_id', 'deleted_at']).execute();
  await db.schema.createIndex('alias_trash_deleted').on('alias_trash').column('deleted_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alias_trash').execute();
}
