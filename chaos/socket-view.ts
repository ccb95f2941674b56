import type { JobDetail } from '@app/shared/contracts/api/generations';
import { JOB_EVENT_NAMES, type JobEventName, type ServerToClientEvents, type SocketEventPayload } from '@app/shared/contracts/socket-events';
import { isTerminal, type JobStatus } from '@app/shared/jobs/job-state';
import { io, type Socket } from 'socket.io-client';
import { waitUntil } from './wait';

/** What one socket believes about a job. */
export interface JobView {
  status: JobStatus;
  /** Output ids of `job.completed` (or of a re-fetch), null before either. */
  outputIds: string[] | null;
  /** Highest `seq` applied. */
  seq: number;
  /** Every distinct terminal event received, `name#seq`: two names mean it was told two outcomes. */
  endings: Set<string>;
}

const STATUS_OF: Record<JobEventName, JobStatus> = {
  'job.queued': 'queued',
  'job.dispatched': 'dispatched',
  'job.started': 'running',
  'job.progress': 'running',
  'job.preview': 'running',
  'job.output': 'ingesting',
  'job.completed': 'completed',
  'job.failed': 'failed',
  'job.cancelled': 'cancelled',
};

/**
 * One user's socket, open the whole run, behaving as the web app's job list does (J-6): it applies
 * each job event in `seq` order, and re-fetches over REST when it reconnects (for every job not
 * ended) or sees a gap in a job's `seq`. An answer is as new as its `seq`: one read before an event
 * that arrived first never moves the job back. The final view is what the person would be shown.
 */
export class SocketView {
  readonly counts = { events: 0, reconnects: 0, refetchOnReconnect: 0, refetchOnGap: 0 };
  private readonly views = new Map<string, JobView>();
  private readonly socket: Socket<ServerToClientEvents>;
  private readonly pending = new Set<Promise<void>>();
  private connectedOnce = false;

  constructor(
    url: string,
    token: string,
    private readonly refetch: (jobId: string) => Promise<JobDetail>,
  ) {
    this.socket = io(url, { path: '/api/socket.io', transports: ['websocket'], auth: { token } });
    this.socket.on('connect', () => {
      if (this.connectedOnce) {
        this.counts.reconnects += 1;
        for (const [jobId, view] of this.views) if (!isTerminal(view.status)) this.refetchJob(jobId, 'refetchOnReconnect');
      }
      this.connectedOnce = true;
    });
    for (const name of JOB_EVENT_NAMES) {
      const untyped = this.socket as unknown as Socket<Record<string, (payload: SocketEventPayload<JobEventName>) => void>>;
      untyped.on(name, (payload) => this.apply(name, payload));
    }
  }

  async connected(): Promise<void> {
    await waitUntil('the socket to connect', 15_000, () => this.socket.connected);
  }

  get isConnected(): boolean {
    return this.socket.connected;
  }

  /** Starts following jobs just submitted (they are queued). */
  follow(jobIds: readonly string[]): void {
    for (const jobId of jobIds) if (!this.views.has(jobId)) this.views.set(jobId, { status: 'queued', outputIds: null, seq: 0, endings: new Set() });
  }

  view(jobId: string): JobView | undefined {
    return this.views.get(jobId);
  }

  /** Waits for re-fetches still in flight. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.socket.close();
  }

  private apply(name: JobEventName, payload: SocketEventPayload<JobEventName>): void {
    const view = this.views.get(payload.jobId);
    if (!view) return;
    this.counts.events += 1;
    if (name === 'job.completed' || name === 'job.failed' || name === 'job.cancelled') view.endings.add(`${name}#${payload.seq}`);
    if (payload.seq <= view.seq) return;
    const gap = payload.seq > view.seq + 1;
    view.seq = payload.seq;
    view.status = STATUS_OF[name];
    if (name === 'job.completed' && 'outputs' in payload) view.outputIds = payload.outputs.map((o) => o.id);
    if (gap && !isTerminal(view.status)) this.refetchJob(payload.jobId, 'refetchOnGap');
  }

  private refetchJob(jobId: string, reason: 'refetchOnReconnect' | 'refetchOnGap'): void {
    this.counts[reason] += 1;
    const done = this.refetch(jobId).then(
      (job) => {
        const view = this.views.get(jobId);
        if (!view || job.seq < view.seq) return;
        view.seq = job.seq;
        view.status = job.status;
        if (isTerminal(job.status)) view.outputIds = job.outputs.map((o) => o.id);
      },
      () => undefined, // the api may be down again; the next reconnect asks again
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }
}
