import { Injectable } from '@nestjs/common';
import type { JobError } from '@app/shared/contracts/api/generations';
import { isTerminal } from '@app/shared/jobs/job-state';
import type { ApiGraph } from '@app/shared/workflow/api-graph';
import type { VideoPostprocess } from '@app/shared/workflow/output-markers';
import type { ComfyBackendClient } from '@app/server/comfy/comfy-backend-client';
import { ComfyRequestError, ComfyUnreachableError, ComfyValidationError, isTransientComfyError } from '@app/server/comfy/comfy-errors';
import type { OutputFile } from '@app/server/comfy/history-outcome';
import type { PromptOutcome, TrackedPrompt } from '@app/server/comfy/tracked-prompt';
import { JobsRepository, type JobRecord, type NewOutput } from '@app/server/repositories/jobs.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { Clock } from '@app/server/system/clock';
import { UnrecoverableError } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BackendPool, type Lease } from '../backends/backend-pool';
import { InFlightJobs, WorkerStoppingError } from './in-flight-jobs';
import { jobTimesFromHistory, type JobTimes } from './history-times';
import { IngestStages } from './ingest-stages';
import { executionJobError, validationJobError } from './job-errors';
import { JobLifecycle } from './job-lifecycle';
import { OutputIngest } from './output-ingest';
import { ProgressReporter } from './progress-reporter';
import { RunPreparation, type Preparation } from './run-preparation';
import { BackendDownError, TimeLimitError, watchRun } from './watch-run';

/** Thrown for trouble worth another attempt (J-9); BullMQ applies the delays. */
export class TransientJobError extends Error {
  override readonly name: string = 'TransientJobError';
}

/** The backend no longer knows the prompt (it restarted): sent again at once, no retry delay. */
export class PromptLostError extends TransientJobError {
  override readonly name = 'PromptLostError';
}

/** The job's prompt never reached its backend (refused, or the backend went away before the submit). */
class NotSubmittedError extends Error {
  override readonly name = 'NotSubmittedError';
}

interface Following {
  lease: Lease;
  graph: ApiGraph;
  /** CozyGen video options applied at ingest (W-20 step 4). */
  postprocess: VideoPostprocess[];
  tracked?: TrackedPrompt;
  ended?: PromptOutcome;
  /** Found on the backend after a restart: nobody watched it all, so its timings come from history. */
  reattached?: boolean;
  /** ComfyUI refused part of the graph and queued the rest: the job fails, keeping what that part made. */
  rejected?: JobError;
  /** The file list an earlier attempt staged before its worker died mid-ingest: finished from it, not from the backend. */
  staged?: readonly OutputFile[];
}

interface Submitted {
  tracked: TrackedPrompt;
  rejected?: JobError;
}

/**
 * One generation from queue to outputs (ARCHITECTURE "The life of a generation", steps 2–5).
 * A job already handed to a backend is reconciled by its prompt id instead of being sent again
 * (J-10): reattached, ingested, or resubmitted only when the backend provably lost it.
 */
@Injectable()
export class GenerationRunner {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly workflows: WorkflowsRepository,
    private readonly pool: BackendPool,
    private readonly preparation: RunPreparation,
    private readonly lifecycle: JobLifecycle,
    private readonly ingest: OutputIngest,
    private readonly stages: IngestStages,
    private readonly inFlight: InFlightJobs,
    private readonly clock: Clock,
    @InjectPinoLogger(GenerationRunner.name) private readonly logger: PinoLogger,
  ) {}

  /** `lastAttempt`: no retry follows, so transient trouble fails the job now. */
  async run(jobId: string, lastAttempt: boolean): Promise<void> {
    const job = await this.jobs.find(jobId);
    if (!job || isTerminal(job.status)) return;
    const version = await this.workflows.findVersion(job.workflowId, job.workflowVersion);
    if (!version) return this.giveUp(job, { kind: 'internal', message: 'The workflow version this job used is gone' });
    const controller = new AbortController();
    const release = this.inFlight.add(job.id, controller);
    await this.jobs.countAttempt(job.id, this.clock.now());
    try {
      const graph = version.graph as ApiGraph;
      const following = job.status === 'queued' ? await this.dispatchUntilSubmitted(job, graph, version.schema, controller.signal) : await this.reattach(job, graph, version.schema);
      if (following) await this.follow(job, following, version.schema, controller.signal);
    } catch (error) {
      if (error instanceof UnrecoverableError) throw error;
      await this.transient(job, error, lastAttempt);
    } finally {
      release();
      await this.stages.releaseIfEnded(job.id).catch((error: unknown) => this.logger.warn({ jobId: job.id, err: error }, 'ingest stage not removed'));
    }
  }

  private async follow(job: JobRecord, following: Following, schema: Preparation['schema'], signal: AbortSignal): Promise<void> {
    try {
      if (following.staged) return await this.finishIngest(job, following, following.staged, schema);
      const outcome = following.ended ?? (await this.watch(job, following, signal));
      if (following.rejected) await this.settleRejected(job, following, outcome, following.rejected, schema);
      await this.settle(job, following, outcome, schema);
    } finally {
      following.lease.release();
    }
  }

  /**
   * J-9 / E-2: a job whose prompt never reached a backend has not used an attempt. Its backend is
   * marked down, the job goes back to waiting (`queued`) and is dispatched again, here, as soon as a
   * backend is up: no BullMQ retry, no attempt counted.
   */
  private async dispatchUntilSubmitted(job: JobRecord, graph: ApiGraph, schema: Preparation['schema'], signal: AbortSignal): Promise<Following | undefined> {
    for (let current = job; ; ) {
      try {
        return await this.dispatch(current, graph, schema, signal);
      } catch (error) {
        if (!(error instanceof NotSubmittedError)) throw error;
        this.logger.warn({ jobId: job.id, err: error.cause }, 'job did not reach its backend; waiting for a backend again');
        const found = await this.jobs.find(job.id);
        if (!found || isTerminal(found.status)) return undefined;
        await this.lifecycle.requeued(found);
        current = (await this.jobs.find(job.id)) ?? found;
      }
    }
  }

  private async dispatch(job: JobRecord, graph: ApiGraph, schema: Preparation['schema'], signal: AbortSignal): Promise<Following | undefined> {
    if (job.cancelRequestedAt !== null) {
      await this.lifecycle.cancelled(job);
      return undefined;
    }
    const preparation = await this.preparation.load(job, graph, schema);
    if (preparation.problem) return this.giveUp(job, { kind: 'validation', message: 'An input of this job is no longer available', fields: preparation.problem });
    await this.failIfNoBackendFits(job, preparation);
    const lease = await this.pool.acquire(job.id, (backend) => backend.objectInfo !== undefined && this.preparation.compile(job, preparation, backend).ok, signal);
    try {
      const { client } = lease.backend;
      await this.preparation.upload(job, preparation, client, signal).catch((error: unknown) => {
        throw error instanceof ComfyUnreachableError ? new NotSubmittedError('the backend went away during the uploads', { cause: error }) : error;
      });
      const prepared = this.preparation.compile(job, preparation, lease.backend);
      if (!prepared.ok) return this.giveUp(job, { kind: 'compile', message: prepared.errors[0]?.message ?? 'The workflow did not compile', fields: prepared.errors });
      await this.jobs.recordCompilation(job.id, prepared.graph, prepared.prompts, this.clock.now());
      if (!(await this.lifecycle.dispatched(job, lease.backend.record, client.clientId))) {
        lease.release();
        return undefined;
      }
      const submitted = await this.submit(job, client, prepared.graph, schema, signal).catch((error: unknown) => {
        throw error instanceof ComfyUnreachableError && error.notSent ? new NotSubmittedError('the backend refused the prompt', { cause: error }) : error;
      });
      return { lease, graph: prepared.graph, postprocess: prepared.postprocess, ...submitted };
    } catch (error) {
      if (error instanceof NotSubmittedError) this.pool.markDown(lease.backend, error.cause instanceof Error ? error.cause : error);
      lease.release();
      throw error;
    }
  }

  /** J-10: the job was with a backend when its worker stopped; ask that backend about its prompt id. */
  private async reattach(job: JobRecord, workflowGraph: ApiGraph, schema: Preparation['schema']): Promise<Following | undefined> {
    const backend = job.backendId ? this.pool.get(job.backendId) : undefined;
    const graph = job.compiledGraph as ApiGraph | null;
    if (!backend || !graph) {
      await this.lifecycle.requeued(job);
      throw new TransientJobError('the job’s backend is no longer configured');
    }
    const lease = this.pool.hold(backend, job.id);
    try {
      // The compile is deterministic: done again, it yields the same video post-processing steps.
      const recompiled = this.preparation.compile(job, await this.preparation.load(job, workflowGraph, schema), backend);
      const postprocess = recompiled.ok ? recompiled.postprocess : [];
      // Its worker died mid-ingest: the stage has the file list, so the backend need not remember the prompt.
      const staged = job.status === 'ingesting' ? await this.stages.of(job.id).readManifest() : undefined;
      if (staged) return { lease, graph, postprocess, staged };
      const found = await backend.client.reattach(job.id);
      this.logger.info({ jobId: job.id, backendId: backend.record.id, state: found.state }, 'job reconciled');
      if (found.state === 'unreachable') throw new TransientJobError('the backend holding the job is unreachable');
      if (found.state === 'ended') return { lease, graph, postprocess, ended: found.outcome, reattached: true };
      if (found.state === 'unknown') {
        const submitted = await this.submit(job, backend.client, graph, undefined, new AbortController().signal);
        if (job.cancelRequestedAt !== null) await backend.client.cancel(job.id);
        return { lease, graph, postprocess, ...submitted };
      }
      // J-5 / J-6: its owner sees it run again: started now if it is running, then its progress.
      const reporter = this.progressReporter(job, graph);
      found.tracked.on('frame', reporter.onFrame);
      if (found.position === 'running') reporter.onFrame({ type: 'started' });
      if (job.cancelRequestedAt !== null) await backend.client.cancel(job.id);
      return { lease, graph, postprocess, tracked: found.tracked, reattached: true };
    } catch (error) {
      lease.release();
      throw error;
    }
  }

  private async submit(job: JobRecord, client: ComfyBackendClient, graph: ApiGraph, schema: Preparation['schema'] | undefined, signal: AbortSignal): Promise<Submitted> {
    const reporter = this.progressReporter(job, graph);
    try {
      return { tracked: await client.submit(graph, { promptId: job.id, onFrame: reporter.onFrame, signal }) };
    } catch (error) {
      if (!(error instanceof ComfyValidationError)) throw error;
      const rejected: JobError = schema ? validationJobError(error, schema, graph) : { kind: 'validation', message: error.message };
      if (!error.queuedPromptId) return this.giveUp(job, rejected);
      return { tracked: await this.stopPartlyQueued(job, client), rejected };
    }
  }

  /**
   * COMFYUI.md §2: for a graph refused in part, ComfyUI queued the valid outputs. Stopped at once
   * (deleted while it waits, else interrupted); on an idle backend it has often run already.
   */
  private async stopPartlyQueued(job: JobRecord, client: ComfyBackendClient): Promise<TrackedPrompt> {
    const tracked = client.track(job.id);
    await client.cancel(job.id).catch((error: unknown) => this.logger.warn({ jobId: job.id, err: error }, 'partly refused prompt not stopped'));
    return tracked;
  }

  private async watch(job: JobRecord, following: Following, signal: AbortSignal): Promise<PromptOutcome> {
    const tracked = following.tracked;
    if (!tracked) throw new TransientJobError('nothing to follow');
    try {
      return await watchRun(tracked, following.lease.backend, this.clock, signal);
    } catch (error) {
      // Never retried: a retry would find the valid part's run and take it for the whole job's.
      if (following.rejected) return this.giveUp(job, following.rejected);
      if (error instanceof TimeLimitError) {
        await following.lease.backend.client.cancel(job.id).catch(() => undefined);
        return this.giveUp(job, { kind: 'interrupted', message: `Stopped: ${error.message}` });
      }
      if (error instanceof BackendDownError) throw new TransientJobError(error.message);
      throw error;
    }
  }

  private async settle(job: JobRecord, following: Following, outcome: PromptOutcome, schema: Preparation['schema']): Promise<void> {
    const current = (await this.jobs.find(job.id)) ?? job;
    const times = following.reattached && 'history' in outcome ? jobTimesFromHistory(current, outcome.history, this.clock.now()) : undefined;
    switch (outcome.status) {
      case 'success':
        return this.finishIngest(current, following, outcome.files, schema, times);
      case 'failed':
        return this.giveUp(current, executionJobError(outcome.error, following.graph), times);
      case 'interrupted':
      case 'deleted':
        if (current.cancelRequestedAt === null) return this.giveUp(current, { kind: 'interrupted', message: 'The job was stopped on the backend' }, times);
        await this.lifecycle.cancelled(current, times);
        return;
      case 'lost':
        throw new PromptLostError('the backend lost the prompt (restarted or cleared); it will be sent again');
      case 'detached':
        throw new TransientJobError('stopped following the prompt');
    }
  }

  /**
   * J-10 / J-11: the prompt's file list goes to the job's stage before the job is marked
   * `ingesting`, so whoever later finds it `ingesting` finishes from the stage, even after the
   * backend forgot the prompt. Already `ingesting`: an earlier attempt began (its worker died, or its
   * download broke off).
   */
  private async finishIngest(job: JobRecord, following: Following, files: readonly OutputFile[], schema: Preparation['schema'], times?: JobTimes): Promise<void> {
    const current = (await this.jobs.find(job.id)) ?? job;
    const stage = this.stages.of(job.id);
    await stage.writeManifest(files);
    if (current.status !== 'ingesting' && !(await this.lifecycle.ingesting(current, times))) return;
    const rows = await this.ingestFiles(current, following, files, schema).catch(async (error: unknown) => {
      if (!following.staged || !(error instanceof ComfyRequestError && error.status === 404)) throw error;
      // Its files are gone from the backend too: start over from what the backend knows of the prompt.
      await this.stages.discard(job.id);
      throw new TransientJobError('the backend no longer has the staged job’s files');
    });
    await this.lifecycle.completed(current, rows);
  }

  /**
   * J-10 for a graph refused in part: failed with the mapped errors, keeping (in the same
   * transaction) the files its valid part made before it could be stopped, so none is orphaned.
   */
  private async settleRejected(job: JobRecord, following: Following, outcome: PromptOutcome, rejected: JobError, schema: Preparation['schema']): Promise<never> {
    const files = 'files' in outcome ? outcome.files.filter((file) => file.type !== 'temp') : [];
    const current = (await this.jobs.find(job.id)) ?? job;
    const rows = files.length === 0 ? [] : await this.ingestFiles(current, following, files, schema).catch((error: unknown) => {
      this.logger.warn({ jobId: job.id, err: error }, 'files of a partly refused prompt not kept');
      return [];
    });
    if (rows.length === 0) return this.giveUp(current, rejected);
    await this.lifecycle.failedWithOutputs(current, { ...rejected, message: `${rejected.message}; its valid part ran before it could be stopped, and what it made is kept` }, rows);
    throw new UnrecoverableError(rejected.message);
  }

  private async ingestFiles(job: JobRecord, following: Following, files: readonly OutputFile[], schema: Preparation['schema']): Promise<NewOutput[]> {
    const workflowName = (await this.workflows.nameOf(job.workflowId)) ?? '';
    const prompts = await this.jobs.prompts(job.id);
    const context = { job: { ...job, compiledGraph: following.graph }, workflow: { id: job.workflowId, name: workflowName, version: job.workflowVersion }, schema, prompts, postprocess: following.postprocess };
    return this.ingest.ingest(following.lease.backend.client, files, context, this.clock.now());
  }

  private async transient(job: JobRecord, error: unknown, lastAttempt: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof TransientJobError) && !isTransientComfyError(error) && !(error instanceof WorkerStoppingError)) {
      this.logger.error({ jobId: job.id, err: error }, 'job failed unexpectedly');
      return this.giveUp(job, { kind: 'internal', message: 'The job failed unexpectedly; see the worker log' });
    }
    if (lastAttempt) return this.giveUp(job, { kind: 'infrastructure', message: `Gave up after repeated backend trouble: ${message}` });
    const current = await this.jobs.find(job.id);
    const backend = current?.backendId ? this.pool.get(current.backendId) : undefined;
    if (current && backend?.health.state === 'down') await this.lifecycle.requeued(current);
    this.logger.warn({ jobId: job.id, err: error }, 'job will be retried');
    throw error instanceof Error ? error : new TransientJobError(message);
  }

  /** Records the failure and tells BullMQ not to retry. */
  private async giveUp(job: JobRecord, error: JobError, times?: JobTimes): Promise<never> {
    await this.lifecycle.failed(job, error, times);
    throw new UnrecoverableError(error.message);
  }

  /** A job no backend could ever compile fails now instead of waiting forever (E-4). */
  private async failIfNoBackendFits(job: JobRecord, preparation: Preparation): Promise<void> {
    const backends = this.pool.all();
    if (backends.length === 0 || backends.some((b) => b.objectInfo === undefined)) return;
    const results = backends.map((b) => this.preparation.compile(job, preparation, b));
    if (results.some((r) => r.ok)) return;
    const first = results.find((r) => !r.ok);
    const errors = first && !first.ok ? first.errors : [];
    await this.giveUp(job, { kind: 'compile', message: errors[0]?.message ?? 'No backend can run this workflow', fields: errors });
  }

  /** Turns the prompt's frames into the job's started, progress and preview events (J-5, J-6). */
  private progressReporter(job: JobRecord, graph: ApiGraph): ProgressReporter {
    const report = (work: Promise<void>) => work.catch((error: unknown) => this.logger.warn({ jobId: job.id, err: error }, 'progress event lost'));
    const sink = {
      started: () => void report(this.lifecycle.started(job)),
      progress: (update: Parameters<JobLifecycle['progress']>[1]) => void report(this.lifecycle.progress(job, update)),
      preview: (image: string) => void report(this.lifecycle.preview(job, image)),
    };
    return new ProgressReporter(graph, sink, () => this.clock.now());
  }
}
