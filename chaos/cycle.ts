import type { JobDetail, JobSummary } from '@app/shared/contracts/api/generations';
import { isTerminal } from '@app/shared/jobs/job-state';
import { strayFiles, type StrayFiles } from './data-files';
import { performKill, type KillRecord } from './killer';
import type { Rig } from './rig';
import type { PlannedKill } from './schedule';
import type { Execution } from './stand-ins';
import type { JobRow, OutputRow } from './studio-db';
import type { JobView } from './socket-view';
import { sleep } from './wait';

export interface Submission {
  user: string;
  jobIds: string[];
  /** Every job of it fails on purpose. */
  doomed: boolean;
}

/** Everything one cycle produced, gathered once it is over: the input of the invariants. */
export interface CycleData {
  index: number;
  submittedAt: number;
  /** When the last job ended, if all did within the limit. */
  endedAt?: number;
  /** Why the studio had to be restarted by the harness after the kill, if it had to. */
  healed?: string;
  deadline: number;
  kill?: KillRecord;
  submissions: Submission[];
  jobIds: string[];
  rows: JobRow[];
  /** Each job as its owner reads it over REST. */
  details: Map<string, JobDetail>;
  /** Each user's job list (newest first) down to this cycle's first job. */
  lists: Map<string, JobSummary[]>;
  /** Each user's socket view of each of their jobs. */
  views: Map<string, JobView>;
  outputs: OutputRow[];
  batches: { id: string; batchId: string | null }[];
  executions: Execution[];
  stray: StrayFiles;
}

/** A cycle's jobs: per user, a share of the batch in three submissions, the middle one doomed. */
function plannedSubmissions(jobs: number, users: number): { user: number; count: number; doomed: boolean }[] {
  return Array.from({ length: users }, (_, user) => {
    const mine = Math.floor(jobs / users) + (user < jobs % users ? 1 : 0);
    const doomed = Math.max(1, Math.round(mine * 0.04));
    const good = mine - doomed;
    const first = Math.ceil(good / 2);
    return [
      { user, count: first, doomed: false },
      { user, count: doomed, doomed: true },
      { user, count: good - first, doomed: false },
    ];
  })
    .flat()
    .filter((s) => s.count > 0);
}

export interface CycleSettings {
  index: number;
  jobs: number;
  plan?: PlannedKill;
  /** How long the jobs may take to end, counted from submission. */
  limitMs: number;
  boundMs: number;
  /** Brings a studio part back that did not come back by itself; answers what was wrong, if anything. */
  heal: () => Promise<string | undefined>;
}

/** Submits the cycle's batch, carries out its kill, waits for every job to end (or the limit), and gathers the results. */
export async function runCycle(rig: Rig, settings: CycleSettings): Promise<CycleData> {
  const submittedAt = Date.now();
  const deadline = submittedAt + settings.limitMs;
  const submissions: Submission[] = [];
  for (const planned of plannedSubmissions(settings.jobs, rig.users.length)) {
    const user = rig.users[planned.user];
    if (!user) continue;
    const jobIds = await rig.client.submit(user.token, rig.workflowId, rig.values(`cycle ${settings.index} ${user.name}`, planned.doomed), planned.count);
    user.socket.follow(jobIds);
    submissions.push({ user: user.name, jobIds, doomed: planned.doomed });
  }
  const jobIds = submissions.flatMap((s) => s.jobIds);
  let endedAt: number | undefined;
  const killing = settings.plan ? performKill(settings.plan, { rig, jobIds, submittedAt, boundMs: settings.boundMs, batchDone: () => endedAt !== undefined }) : Promise.resolve(undefined);
  while (endedAt === undefined && Date.now() < deadline) {
    const rows = await rig.db.jobs(jobIds).catch(() => []);
    if (rows.length === jobIds.length && rows.every((r) => isTerminal(r.status))) endedAt = Math.max(...rows.map((r) => r.updatedAt));
    else await sleep(100);
  }
  const kill = await killing;
  const healed = await settings.heal();
  if (healed) await rig.drain(jobIds, settings.boundMs);
  return { index: settings.index, submittedAt, endedAt, deadline, kill, healed, submissions, jobIds, ...(await gather(rig, submissions, submittedAt)) };
}

type Gathered = Pick<CycleData, 'rows' | 'details' | 'lists' | 'views' | 'outputs' | 'batches' | 'executions' | 'stray'>;

/** Reads the end state once late events and re-fetches have had a moment to arrive. */
async function gather(rig: Rig, submissions: readonly Submission[], submittedAt: number): Promise<Gathered> {
  await sleep(1500);
  for (const user of rig.users) {
    // A socket dropped by an api kill may still be waiting to reconnect (socket.io backs off up to 5 s).
    await user.socket.connected();
    await user.socket.settled();
  }
  const jobIds = submissions.flatMap((s) => s.jobIds);
  const details = new Map<string, JobDetail>();
  const lists = new Map<string, JobSummary[]>();
  const views = new Map<string, JobView>();
  for (const user of rig.users) {
    const mine = submissions.filter((s) => s.user === user.name).flatMap((s) => s.jobIds);
    for (const id of mine) {
      details.set(id, await rig.client.job(user.token, id));
      const view = user.socket.view(id);
      if (view) views.set(id, view);
    }
    lists.set(user.name, await rig.client.jobList(user.token, (job) => job.timings.queuedAt < submittedAt));
  }
  const rows = await rig.db.jobs(jobIds);
  const wanted = new Set(jobIds);
  const batchIds = [...new Set(rows.map((r) => r.batchId).filter((b): b is string => b !== null))];
  return {
    rows,
    details,
    lists,
    views,
    outputs: await rig.db.outputsOf(jobIds),
    batches: await rig.db.batchMembers(batchIds),
    executions: rig.standIns.executions().filter((e) => wanted.has(e.promptId)),
    stray: strayFiles(rig.dataDir, await rig.db.expectedFiles()),
  };
}
