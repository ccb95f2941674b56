import { Injectable } from '@nestjs/common';

/** Why in-flight jobs stop being followed on shutdown: not a failure, the next worker reattaches. */
export class WorkerStoppingError extends Error {
  override readonly name = 'WorkerStoppingError';
}

/** The jobs this worker process is running right now, each with the switch that stops following it. */
@Injectable()
export class InFlightJobs {
  private readonly jobs = new Map<string, AbortController>();

  /** Registers a job; the returned function removes it. */
  add(jobId: string, controller: AbortController): () => void {
    this.jobs.set(jobId, controller);
    return () => {
      if (this.jobs.get(jobId) === controller) this.jobs.delete(jobId);
    };
  }

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  /** On shutdown: stop following every job; its prompt stays with its backend for the next worker. */
  abortAll(reason: Error): void {
    for (const controller of this.jobs.values()) controller.abort(reason);
  }
}
