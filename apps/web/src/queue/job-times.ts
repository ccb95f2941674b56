import type { LiveJob } from './job-lifecycle';

/**
 * J-7's elapsed time: waiting since it was queued, running since it started, and once ended the
 * time it took. Times are the api's, so they survive a reload.
 */
export function elapsedMs(job: Pick<LiveJob, 'state' | 'timings'>, now: number): number {
  const { queuedAt, startedAt, finishedAt } = job.timings;
  switch (job.state.status) {
    case 'queued':
    case 'dispatched':
      return now - queuedAt;
    case 'running':
    case 'ingesting':
      return now - (startedAt ?? queuedAt);
    default:
      return (finishedAt ?? now) - (startedAt ?? queuedAt);
  }
}
