import { Inject, Injectable } from '@nestjs/common';
import type { JobEventName, LiveJobEventName, SocketEventPayload } from '@app/shared/contracts/socket-events';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { DB, JobEventsTable } from '../db/schema';

export type StateEventName = Exclude<JobEventName, LiveJobEventName>;

/** A state event as its writer knows it; the job id and its seq are added when it is stored. */
export type StateEvent = { [E in StateEventName]: { event: E; payload: Omit<SocketEventPayload<E>, 'jobId' | 'seq'> } }[StateEventName];

export type OutboxRow = Selectable<JobEventsTable>;

/** Rows per statement, well under SQLite's limit on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Stores a job's new state events in the caller's transaction, numbered `lastSeq + 1` onwards,
 * so they exist exactly when the change they announce does.
 */
export async function appendJobEvents(trx: Kysely<DB>, job: { id: string; userId: string }, lastSeq: number, events: readonly StateEvent[], now: number): Promise<void> {
  const rows = events.map((entry, i) => ({
    jobId: job.id,
    seq: lastSeq + i + 1,
    userId: job.userId,
    event: entry.event,
    payload: JSON.stringify(entry.payload),
    createdAt: now,
    claimedBy: null,
    claimedUntil: null,
  }));
  for (const part of chunks(rows)) await trx.insertInto('jobEvents').values(part).execute();
}

/**
 * The outbox as relays see it. A relay claims rows for a while (a lease under its own token), publishes
 * them, then removes what it still holds; rows whose lease ran out are free to claim again, so a relay
 * that dies mid-way delays its rows, never loses them.
 */
@Injectable()
export class JobEventOutbox {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Every free row of these jobs, now held by `token` until `until`; rows another relay holds are left alone. */
  async claim(jobIds: readonly string[], token: string, now: number, until: number): Promise<OutboxRow[]> {
    const claimed: OutboxRow[] = [];
    for (const part of chunks([...new Set(jobIds)])) {
      const rows = await this.db
        .updateTable('jobEvents')
        .set({ claimedBy: token, claimedUntil: until })
        .where('jobId', 'in', part)
        .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
        .returningAll()
        .execute();
      claimed.push(...rows);
    }
    // Each job's events in their order; jobs are independent of each other.
    return claimed.sort((a, b) => (a.jobId === b.jobId ? a.seq - b.seq : a.jobId < b.jobId ? -1 : 1));
  }

  /** Removes the rows `token` still holds (a row whose lease was taken over stays for its new holder). */
  async remove(token: string): Promise<void> {
    await this.db.deleteFrom('jobEvents').where('claimedBy', '=', token).execute();
  }

  /** Removes what `token` published (each job's rows up to the last one sent) and frees the rest of its claim. */
  async release(token: string, published: readonly OutboxRow[]): Promise<void> {
    const sentUpTo = new Map<string, number>();
    for (const row of published) sentUpTo.set(row.jobId, Math.max(row.seq, sentUpTo.get(row.jobId) ?? 0));
    await this.db.transaction().execute(async (trx) => {
      for (const [jobId, seq] of sentUpTo) await trx.deleteFrom('jobEvents').where('claimedBy', '=', token).where('jobId', '=', jobId).where('seq', '<=', seq).execute();
      await trx.updateTable('jobEvents').set({ claimedBy: null, claimedUntil: null }).where('claimedBy', '=', token).execute();
    });
  }

  /** Jobs with a free row written before `writtenBefore`: what their writers did not publish. A read, so an empty outbox costs no write lock. */
  async leftovers(writtenBefore: number, now: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('jobEvents')
      .select('jobId')
      .distinct()
      .where('createdAt', '<=', writtenBefore)
      .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
      .limit(limit)
      .execute();
    return rows.map((row) => row.jobId);
  }
}
