import type { JobDetail, OutputListItem, OutputView } from '@app/shared/contracts/api/generations';
import type { JobStatus } from '@app/shared/jobs/job-state';
import { WORKFLOW_ID } from './workflows';

const QUEUED_AT = Date.UTC(2025, 5, 1, 12, 0, 0);

/** A job as `GET /generations/:id` answers it. */
export function jobDetail(id: string, status: JobStatus = 'queued', overrides: Partial<JobDetail> = {}): JobDetail {
  return {
    id,
    workflowId: WORKFLOW_ID,
    workflowName: 'Flux',
    workflowVersion: 1,
    status,
    position: status === 'queued' ? 1 : null,
    seed: 42,
    backend: status === 'queued' ? null : 'gpu-1',
    error: null,
    timings: { queuedAt: QUEUED_AT, dispatchedAt: null, startedAt: null, finishedAt: null, ingestedAt: null },
    retryOf: null,
    outputCount: 0,
    cover: null,
    seq: 1,
    values: {},
    randomize: [],
    bypass: [],
    resolvedValues: {},
    prompts: [],
    outputs: [],
    attempts: 1,
    ...overrides,
  };
}

/** An output as the api describes it, with signed URLs the browser loads directly. */
export function outputView(id: string, jobId: string, overrides: Partial<OutputView> = {}): OutputView {
  const url = (variant: string) => `/api/media/output/${id}/${variant}?sig=test`;
  return {
    id,
    jobId,
    kind: 'image',
    mime: 'image/png',
    width: 512,
    height: 512,
    durationMs: null,
    bytes: 1000,
    nodeId: '9',
    thumbhash: null,
    createdAt: QUEUED_AT + 5000,
    urls: { original: url('original'), thumb256: url('thumb256'), thumb768: url('thumb768'), download: url('download'), downloadClean: url('download-clean') },
    ...overrides,
  };
}

export function outputListItem(id: string, jobId: string, overrides: Partial<OutputListItem> = {}): OutputListItem {
  return { ...outputView(id, jobId), workflowId: WORKFLOW_ID, workflowName: 'Flux', ...overrides };
}
