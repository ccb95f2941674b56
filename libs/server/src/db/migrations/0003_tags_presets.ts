import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../../tags/sql-dialect';

/**
 * The server-wide tag list (T-1 … T-4) and per-user presets (P-1).
 *
 * Tags: every load writes a new `tag_lists` row and its own `tags` rows; searches read only the
 * active list, so an import becomes visible in the one short transaction that activates it (T-2).
 * `name_key` and `alias_keys` are the lower-cased spellings with `_` for spaces; `alias_keys` holds
 * them between newlines (`\nlonghair\n/lh\n`), `aliases` the written spellings the same way.
 * On SQLite, a contentless FTS5 trigram index over both serves substring search (docs/tags-presets.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tag_lists')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('loaded_at', 'bigint')
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('list_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('alias_keys', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tags_list_name').on('tags').columns(['list_id', 'name_key']).unique().execute();
  await db.schema.createIndex('tags_list_count').on('tags').columns(['list_id', 'count desc', 'name_key']).execute();
  await db.schema.createIndex('tags_list_category').on('tags').columns(['list_id', 'category', 'count desc', 'name_key']).execute();

  await db.schema
    .createTable('tag_aliases')
    .addColumn('list_id', 'integer', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tag_aliases_list_key').on('tag_aliases').columns(['list_id', 'alias_key']).execute();

  await db.schema
    .createTable('tag_list_categories')
    .addColumn('list_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_list_categories_pk', ['list_id', 'category'])
    .execute();

  if (isSqlite(db)) {
    // Trigram tokens make every substring of 3+ characters an index lookup; the vocabulary table
    // turns 1–2 character substrings into the trigrams that start with them.
    await sql`create virtual table tags_fts using fts5(name_key, alias_keys, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(db);
    await sql`create virtual table tags_fts_vocab using fts5vocab(tags_fts, 'row')`.execute(db);
  }

  await db.schema
    .createTable('presets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('presets_user_workflow_name', ['user_id', 'workflow_id', 'name_key'])
    .execute();
  await db.schema.createIndex('presets_workflow_shared').on('presets').columns(['workflow_id', 'shared', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('presets').execute();
  if (isSqlite(db)) {
    await sql`drop table tags_fts_vocab`.execute(db);
    await sql`drop table tags_fts`.execute(db);
  }
  for (const table of ['tag_list_categories', 'tag_aliases', 'tags', 'tag_lists']) await db.schema.dropTable(table).execute();
}
