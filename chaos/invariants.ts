import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isTerminal } from '@app/shared/jobs/job-state';
import type { CycleData } from './cycle';
import type { KillRecord } from './killer';
import { OUTPUTS_PER_JOB } from './rig';

export const INVARIANTS = ['ended-once', 'outputs', 'no-stray-files', 'ran-once', 'batch-totals', 'socket-view', 'recovered'] as const;
export type InvariantName = (typeof INVARIANTS)[number];

export interface InvariantResult {
  name: InvariantName;
  pass: boolean;
  /** Job ids (or files) that broke it, each with what was wrong. */
  offenders: string[];
  detail: string;
}

export interface CheckContext {
  dataDir: string;
  /** Every kill so far, earlier cycles included (a re-run is allowed after its backend was killed). */
  kills: readonly KillRecord[];
  /** Stray files already reported by an earlier cycle. */
  reportedStray: ReadonlySet<string>;
}

function result(name: InvariantName, offenders: string[], detail: string): InvariantResult {
  return { name, pass: offenders.length === 0, offenders, detail };
}

function doomedIds(cycle: CycleData): Set<string> {
  return new Set(cycle.submissions.filter((s) => s.doomed).flatMap((s) => s.jobIds));
}

/** Every job ended within the limit, once, as meant: the doomed ones failed with a reason, the rest completed; no socket was told two outcomes. */
function endedOnce(cycle: CycleData): InvariantResult {
  const doomed = doomedIds(cycle);
  const offenders: string[] = [];
  const rows = new Map(cycle.rows.map((r) => [r.id, r]));
  for (const id of cycle.jobIds) {
    const row = rows.get(id);
    const job = cycle.details.get(id);
    const endings = [...(cycle.views.get(id)?.endings ?? [])];
    // The same ending delivered again (an outbox re-sending it after a crash) is harmless; two different ones are not.
    const outcomes = new Set(endings.map((ending) => ending.split('#')[0]));
    if (!row || !job) offenders.push(`${id} missing`);
    else if (!isTerminal(row.status) || row.updatedAt > cycle.deadline) offenders.push(`${id} ${isTerminal(row.status) ? `${row.status} only after the limit` : `still ${row.status}`}`);
    else if (doomed.has(id) && (job.status !== 'failed' || job.error?.kind !== 'execution')) offenders.push(`${id} ${job.status}${job.error ? ` (${job.error.kind})` : ''}, meant to fail at run time`);
    else if (!doomed.has(id) && job.status !== 'completed') offenders.push(`${id} ${job.status}${job.error ? ` (${job.error.kind}: ${job.error.message.slice(0, 60)})` : ''}`);
    else if (outcomes.size > 1) offenders.push(`${id} ended differently on a socket (${endings.join(', ')})`);
  }
  const completed = cycle.rows.filter((r) => r.status === 'completed').length;
  const failed = cycle.rows.filter((r) => r.status === 'failed').length;
  return result('ended-once', offenders, `${cycle.jobIds.length} jobs: ${completed} completed, ${failed} failed (${doomed.size} on purpose)`);
}

/** Each completed job has exactly its outputs: rows, files of the recorded size, both thumbnails; the doomed none. */
function outputs(cycle: CycleData, dataDir: string): InvariantResult {
  const offenders: string[] = [];
  for (const id of cycle.jobIds) {
    const job = cycle.details.get(id);
    if (!job || (job.status !== 'completed' && job.status !== 'failed')) continue;
    const rows = cycle.outputs.filter((o) => o.jobId === id);
    const expected = job.status === 'completed' ? OUTPUTS_PER_JOB : 0;
    const problems: string[] = [];
    if (rows.length !== expected) problems.push(`${rows.length} rows, ${expected} expected`);
    if (new Set(rows.map((o) => `${o.nodeId}/${o.batchIndex}`)).size !== rows.length) problems.push('duplicate rows');
    const restIds = job.outputs.map((o) => o.id).sort();
    if (restIds.join() !== rows.map((o) => o.id).sort().join()) problems.push(`api lists ${restIds.length} outputs`);
    for (const row of rows) {
      const file = join(dataDir, 'outputs', row.relPath);
      if (!existsSync(file)) problems.push(`file ${row.id} missing`);
      else if (statSync(file).size !== row.bytes) problems.push(`file ${row.id} has ${statSync(file).size} of ${row.bytes} bytes`);
      for (const size of [256, 768]) if (!existsSync(join(dataDir, 'thumbs', `${row.id}-${size}.webp`))) problems.push(`thumbnail ${size} of ${row.id} missing`);
    }
    if (problems.length > 0) offenders.push(`${id} ${problems.join(', ')}`);
  }
  return result('outputs', offenders, `${cycle.outputs.length} outputs of ${cycle.jobIds.length} jobs`);
}

/** No half-written file anywhere in the data folder, and no file there that no row accounts for. */
function noStrayFiles(cycle: CycleData, reported: ReadonlySet<string>): InvariantResult {
  const fresh = [...cycle.stray.partial, ...cycle.stray.orphans].filter((path) => !reported.has(path));
  const kinds = new Map<string, number>();
  for (const path of fresh) {
    const kind = /\.(part|tmp)$/.exec(path)?.[0] ?? path.split('/')[0] ?? path;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const carried = [...cycle.stray.partial, ...cycle.stray.orphans].length - fresh.length;
  const detail = fresh.length === 0 ? 'none new' : [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
  return result('no-stray-files', fresh, `${detail}${carried > 0 ? ` (${carried} from earlier cycles)` : ''}`);
}

/**
 * No prompt ran twice on a backend, unless a retry is recorded (attempts ≥ 2) and the backend of
 * the earlier run provably lost it: the harness killed that backend between the two starts.
 */
function ranOnce(cycle: CycleData, kills: readonly KillRecord[]): InvariantResult {
  const offenders: string[] = [];
  let reruns = 0;
  for (const id of cycle.jobIds) {
    const starts = cycle.executions.filter((e) => e.promptId === id && e.event === 'start').sort((a, b) => a.at - b.at);
    for (let i = 1; i < starts.length; i += 1) {
      const earlier = starts[i - 1];
      const later = starts[i];
      if (!earlier || !later) continue;
      const lost = kills.some((k) => k.target === `backend b${earlier.backend}` && k.at >= earlier.at && k.at <= later.at);
      const retried = (cycle.details.get(id)?.attempts ?? 0) >= 2;
      if (lost && retried) reruns += 1;
      else offenders.push(`${id} ran again on b${later.backend} (first on b${earlier.backend}${lost ? ', lost' : ', not lost'}${retried ? '' : ', no retry recorded'})`);
    }
  }
  const ran = new Set(cycle.executions.filter((e) => e.event === 'start').map((e) => e.promptId)).size;
  return result('ran-once', offenders, `${ran} prompts ran${reruns > 0 ? `, ${reruns} again after their backend lost them` : ''}`);
}

/** Each submission's jobs: all in the database under one batch, each once in its owner's list, states agreeing. */
function batchTotals(cycle: CycleData): InvariantResult {
  const offenders: string[] = [];
  cycle.submissions.forEach((submission, n) => {
    const label = `${submission.user} #${n + 1}`;
    const rows = cycle.rows.filter((r) => submission.jobIds.includes(r.id));
    if (rows.length !== submission.jobIds.length) offenders.push(`${label}: ${rows.length} of ${submission.jobIds.length} rows`);
    const batchIds = new Set(rows.map((r) => r.batchId));
    const [batchId] = batchIds;
    if (submission.jobIds.length > 1) {
      const members = cycle.batches.filter((b) => b.batchId === batchId).length;
      if (batchIds.size !== 1 || !batchId || members !== submission.jobIds.length) offenders.push(`${label}: batch holds ${members} jobs, ${submission.jobIds.length} submitted`);
    }
    const list = cycle.lists.get(submission.user) ?? [];
    const listed = list.filter((j) => submission.jobIds.includes(j.id));
    if (listed.length !== submission.jobIds.length || new Set(listed.map((j) => j.id)).size !== listed.length) offenders.push(`${label}: listed ${listed.length} times for ${submission.jobIds.length} jobs`);
    const count = (states: string[]) => JSON.stringify([...states].sort());
    if (count(listed.map((j) => j.status)) !== count(rows.map((r) => r.status))) offenders.push(`${label}: list and database disagree on states`);
  });
  return result('batch-totals', offenders, `${cycle.submissions.length} submissions`);
}

/** What each socket would show (last event per job by seq, plus the web app's re-fetches) equals the api. */
function socketView(cycle: CycleData): InvariantResult {
  const offenders: string[] = [];
  for (const id of cycle.jobIds) {
    const job = cycle.details.get(id);
    const view = cycle.views.get(id);
    if (!job) continue;
    if (!view) {
      offenders.push(`${id} unknown to its socket`);
      continue;
    }
    if (view.status !== job.status) offenders.push(`${id} socket ${view.status}, api ${job.status}`);
    else if (job.status === 'completed' && [...(view.outputIds ?? [])].sort().join() !== job.outputs.map((o) => o.id).sort().join()) offenders.push(`${id} socket outputs differ from the api's`);
  }
  return result('socket-view', offenders, `${cycle.views.size} jobs followed`);
}

/** The killed part served again within the bound and the pipeline moved on. */
function recovered(cycle: CycleData): InvariantResult {
  const kill = cycle.kill;
  if (!kill) return result('recovered', [], 'no kill');
  if (kill.skipped) return result('recovered', [], `kill skipped: ${kill.skipped}`);
  const offenders: string[] = [];
  if (kill.backMs === undefined) offenders.push(`${kill.target} not serving again within the bound`);
  if (kill.workMs === undefined && cycle.endedAt === undefined) offenders.push('no job moved after the kill');
  const ms = (v: number | undefined) => (v === undefined ? '—' : `${(v / 1000).toFixed(2)} s`);
  return result('recovered', offenders, `back ${ms(kill.backMs)}, work ${ms(kill.workMs)}`);
}

export function checkCycle(cycle: CycleData, context: CheckContext): InvariantResult[] {
  return [endedOnce(cycle), outputs(cycle, context.dataDir), noStrayFiles(cycle, context.reportedStray), ranOnce(cycle, context.kills), batchTotals(cycle), socketView(cycle), recovered(cycle)];
}
