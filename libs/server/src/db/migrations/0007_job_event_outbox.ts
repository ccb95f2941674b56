import type { Kysely } from 'kysely';

/**
 * The job-event outbox (J-6, X-6): every state event of a job is written in the transaction that
 * changes the job, numbered by the job's `event_seq`, and removed once a relay has published it.
 * A process that dies between its commit and its publish leaves the row for another relay, so no
 * event is lost to a crash. `claimed_by`/`claimed_until` are a relay's lease on the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('event_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('job_events')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'bigint')
    .addPrimaryKeyConstraint('job_events_pk', ['job_id', 'seq'])
    .execute();
  await db.schema.createIndex('job_events_created').on('job_events').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_events').execute();
  await db.schema.alterTable('jobs').dropColumn('event_seq').execute();
}
