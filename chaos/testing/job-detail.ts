import type { JobDetail, OutputView } from '@app/shared/contracts/api/generations';
import type { JobStatus } from '@app/shared/jobs/job-state';

/** Tests only: an output of a job, its id derived from the job's. */
export function outputOf(jobId: string, n: number): OutputView {
  const id = `${jobId.slice(0, -2)}${n}${n}`;
  return { id, jobId, kind: 'image', mime: 'image/png', width: 8, height: 8, durationMs: null, bytes: 1, nodeId: '9', thumbhash: null, createdAt: 0, urls: { original: '', thumb256: null, thumb768: null, download: '', downloadClean: null } };
}

/** Tests only: a job as `GET /api/generations/:id` answers (as new as `seq`), two outputs when completed, an execution error when failed. */
export function jobDetail(id: string, status: JobStatus, seq: number, attempts = 1): JobDetail {
  return {
    id,
    seq,
    workflowId: 'w',
    workflowName: 'w',
    workflowVersion: 1,
    status,
    position: null,
    seed: 1,
    backend: null,
    error: status === 'failed' ? { kind: 'execution', message: 'Simulated failure' } : null,
    timings: { queuedAt: 0, dispatchedAt: null, startedAt: null, finishedAt: null, ingestedAt: null },
    retryOf: null,
    outputCount: 0,
    cover: null,
    values: {},
    randomize: [],
    bypass: [],
    resolvedValues: {},
    prompts: [],
    attempts,
    outputs: status === 'completed' ? [outputOf(id, 1), outputOf(id, 2)] : [],
  };
}
