import type { HistoryEntry } from '@app/shared/comfy/protocol';
import { promptTimes } from '@app/server/comfy/history-outcome';
import type { JobRecord } from '@app/server/repositories/jobs.repository';

/** When a job ran, for the job row: `startedAt` when history knows it, `finishedAt` always. */
export interface JobTimes {
  startedAt?: number;
  finishedAt: number;
}

/**
 * J-5 timings of a prompt nobody watched (reattached after a worker restart), from its history
 * entry. The backend's clock may differ from ours: each time is kept between the dispatch and now,
 * so the job's timings stay in order.
 */
export function jobTimesFromHistory(job: Pick<JobRecord, 'queuedAt' | 'dispatchedAt'>, history: HistoryEntry, now: number): JobTimes {
  const { startedAt, endedAt } = promptTimes(history);
  const floor = job.dispatchedAt ?? job.queuedAt;
  const within = (time: number | undefined, from: number) => (time === undefined ? undefined : Math.min(Math.max(time, from), now));
  const started = within(startedAt, floor);
  return { ...(started === undefined ? {} : { startedAt: started }), finishedAt: within(endedAt, started ?? floor) ?? now };
}
