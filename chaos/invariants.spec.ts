import type { CycleData } from './cycle';
import { checkCycle, type InvariantName } from './invariants';
import type { KillRecord } from './killer';
import type { Execution } from './stand-ins';
import { jobDetail as detail } from './testing/job-detail';

const A = '01a24c22-0000-7000-8000-00000000000a';
const B = '01a24c22-0000-7000-8000-00000000000b';
const T0 = 1_000_000;

/** A two-job cycle (A completed, B doomed and failed) where every invariant holds; each test breaks one thing. */
function cleanCycle(): CycleData {
  const jobs = [detail(A, 'completed', 9), detail(B, 'failed', 9)];
  return {
    index: 1, submittedAt: T0, endedAt: T0 + 2000, deadline: T0 + 60_000,
    submissions: [{ user: 'ada', jobIds: [A], doomed: false }, { user: 'ada', jobIds: [B], doomed: true }],
    jobIds: [A, B],
    rows: jobs.map((j) => ({ id: j.id, userId: 'u', batchId: null, status: j.status, backendId: 'b', attempts: j.attempts, updatedAt: T0 + 1000 })),
    details: new Map(jobs.map((j) => [j.id, j])),
    lists: new Map([['ada', jobs.map((j) => ({ ...j }))]]),
    views: new Map(jobs.map((j) => [j.id, { status: j.status, outputIds: j.outputs.map((o) => o.id), seq: 9, endings: new Set([`job.${j.status}#9`]) }])),
    outputs: [],
    batches: [],
    executions: [start(A, 0, T0 + 10), start(B, 1, T0 + 10)],
    stray: { orphans: [], partial: [] },
  };
}

function start(promptId: string, backend: number, at: number): Execution {
  return { promptId, backend, at, boot: `boot-${backend}-${at}`, event: 'start' };
}

const failing = (cycle: CycleData, kills: KillRecord[] = [], reported = new Set<string>()) =>
  Object.fromEntries(
    checkCycle(cycle, { dataDir: '/nonexistent', kills, reportedStray: reported })
      .filter((r) => !r.pass && r.name !== 'outputs') // outputs read real files: data-files and the chaos run cover them
      .map((r) => [r.name, r.offenders]),
  ) as Partial<Record<InvariantName, string[]>>;

describe('chaos invariants', () => {
  it('hold for a cycle where everything ended once, as meant', () => {
    expect(failing(cleanCycle())).toEqual({});
  });

  it('a job still ingesting, or a doomed one that completed, did not end as meant', () => {
    const cycle = cleanCycle();
    cycle.rows = cycle.rows.map((r) => (r.id === A ? { ...r, status: 'ingesting' } : r));
    cycle.details.set(B, detail(B, 'completed', 9));
    expect(failing(cycle)['ended-once']).toEqual([`${A} still ingesting`, `${B} completed, meant to fail at run time`]);
  });

  it('a job a socket was told two different outcomes of did not end once; the same outcome sent again is harmless', () => {
    const cycle = cleanCycle();
    cycle.views.get(A)?.endings.add('job.completed#12');
    expect(failing(cycle)['ended-once']).toBeUndefined();
    cycle.views.get(A)?.endings.add('job.failed#13');
    expect(failing(cycle)['ended-once']).toEqual([`${A} ended differently on a socket (job.completed#9, job.completed#12, job.failed#13)`]);
  });

  it('a prompt run again is allowed only after its backend was killed in between and a retry recorded', () => {
    const rerun = cleanCycle();
    rerun.executions.push(start(A, 2, T0 + 500));
    expect(failing(rerun)['ran-once']).toEqual([`${A} ran again on b2 (first on b0, not lost, no retry recorded)`]);
    const kill: KillRecord = { variant: 'backend', target: 'backend b0', at: T0 + 200, offsetMs: 200, held: [A] };
    expect(failing(rerun, [kill])['ran-once']).toEqual([`${A} ran again on b2 (first on b0, lost, no retry recorded)`]);
    rerun.details.set(A, detail(A, 'completed', 9, 2));
    expect(failing(rerun, [kill])['ran-once']).toBeUndefined();
  });

  it('a socket showing a job running that the api calls completed is a lost event', () => {
    const cycle = cleanCycle();
    const view = cycle.views.get(A);
    if (view) view.status = 'running';
    expect(failing(cycle)['socket-view']).toEqual([`${A} socket running, api completed`]);
  });

  it('a job missing from its owner’s list breaks the batch totals', () => {
    const cycle = cleanCycle();
    cycle.lists.set('ada', [...(cycle.lists.get('ada') ?? [])].filter((j) => j.id !== B));
    expect(failing(cycle)['batch-totals']).toEqual(['ada #2: listed 0 times for 1 jobs', 'ada #2: list and database disagree on states']);
  });

  it('reports each stray file once, in the cycle that left it', () => {
    const cycle = cleanCycle();
    cycle.stray = { orphans: ['thumbs/x-256.webp'], partial: ['outputs/.incoming/y.part'] };
    expect(failing(cycle)['no-stray-files']).toEqual(['outputs/.incoming/y.part', 'thumbs/x-256.webp']);
    expect(failing(cycle, [], new Set(['thumbs/x-256.webp', 'outputs/.incoming/y.part']))['no-stray-files']).toBeUndefined();
  });

  it('a killed part not serving again within the bound did not recover', () => {
    const cycle = cleanCycle();
    cycle.kill = { variant: 'redis', target: 'redis pid 42', at: T0 + 100, offsetMs: 100, held: [] };
    expect(failing(cycle).recovered).toEqual(['redis pid 42 not serving again within the bound']);
  });
});
