import type { KillVariant } from './options';
import type { Rig } from './rig';
import type { PlannedKill } from './schedule';
import { redisAnswers, type StudioPart } from './studio';
import { holdsWithin, sleep } from './wait';

export interface KillRecord {
  variant: KillVariant;
  /** What was killed: `worker pid 123`, `backend b1`… */
  target: string;
  /** Unix ms of the SIGKILL. */
  at: number;
  /** Milliseconds after the batch was submitted. */
  offsetMs: number;
  /** Jobs with a backend (dispatched, running, ingesting) at the kill; for a backend, those on it. */
  held: string[];
  /** Kill → the killed part serving again (worker process back, api healthy, Redis answering on its port, the backend running a prompt). */
  backMs?: number;
  /** Kill → the first job written after it: the pipeline moving again. */
  workMs?: number;
  /** Why the planned kill did not happen. */
  skipped?: string;
}

const IN_FLIGHT = ['dispatched', 'running', 'ingesting'] as const;

export interface KillContext {
  rig: Rig;
  jobIds: readonly string[];
  submittedAt: number;
  boundMs: number;
  /** True once every job of the cycle has ended. */
  batchDone: () => boolean;
}

/** Carries out one planned kill at its moment and measures how long recovery took. */
export async function performKill(plan: PlannedKill, context: KillContext): Promise<KillRecord> {
  const { rig, submittedAt, batchDone } = context;
  const skipped = (why: string): KillRecord => ({ variant: plan.variant, target: '-', at: Date.now(), offsetMs: Date.now() - submittedAt, held: [], skipped: why });
  while (Date.now() < submittedAt + plan.delayMs) {
    if (batchDone()) return skipped('the batch ended before the kill moment');
    await sleep(20);
  }
  if (plan.variant === 'worker@ingest') {
    // Polled tightly: an ingest of two small images lasts tens of milliseconds.
    const caught = await holdsWithin(context.boundMs, async () => batchDone() || (await rig.db.idsIn('ingesting', context.jobIds)).length > 0, 5);
    if (!caught || batchDone()) return skipped('no job was ingesting before the batch ended');
  }
  // Read before the kill: a dead redis-server has no command line to read it from.
  const redisPort = plan.variant === 'redis' ? rig.studio.redisPort() : undefined;
  const record = plan.variant === 'backend' ? await killBackend(plan, context) : await killPart(plan.variant === 'worker@ingest' ? 'worker' : plan.variant, plan.variant, context);
  if (record.skipped) return record;
  await measureRecovery(record, context, redisPort);
  return record;
}

async function heldJobs(context: KillContext, backendId?: string): Promise<string[]> {
  const rows = await context.rig.db.jobs(context.jobIds);
  return rows.filter((r) => (IN_FLIGHT as readonly string[]).includes(r.status) && (backendId === undefined || r.backendId === backendId)).map((r) => r.id);
}

async function killPart(part: StudioPart, variant: KillVariant, context: KillContext): Promise<KillRecord> {
  const held = await heldJobs(context);
  const pid = context.rig.studio.kill(part);
  const at = Date.now();
  if (pid === undefined) return { variant, target: part, at, offsetMs: at - context.submittedAt, held: [], skipped: `no ${part} process was running` };
  return { variant, target: `${part} pid ${pid}`, at, offsetMs: at - context.submittedAt, held };
}

async function killBackend(plan: PlannedKill, context: KillContext): Promise<KillRecord> {
  const { rig } = context;
  const indexes = await rig.backendIndexes();
  const running = (await rig.db.jobs(context.jobIds)).filter((r) => r.status === 'running' && r.backendId !== null);
  // A backend with a prompt running, when there is one: that is the kill that loses work.
  const busy = [...new Set(running.map((r) => r.backendId as string))];
  const candidates = busy.length > 0 ? busy : [...indexes.keys()];
  const backendId = candidates[Math.floor(plan.pick * candidates.length)] ?? '';
  const index = indexes.get(backendId) ?? 0;
  const held = await heldJobs(context, backendId);
  const at = Date.now();
  await rig.standIns.killAndRestart(index);
  return { variant: plan.variant, target: `backend b${index}`, at, offsetMs: at - context.submittedAt, held };
}

/** Polls until the killed part serves again and the pipeline moves, each within the bound. */
async function measureRecovery(record: KillRecord, context: KillContext, redisPort: number | undefined): Promise<void> {
  const { rig, boundMs } = context;
  const deadline = record.at + boundMs;
  const killedPid = Number(/pid (\d+)/.exec(record.target)?.[1]);
  const backend = Number(/^backend b(\d+)$/.exec(record.target)?.[1]);
  const isBack = async (): Promise<boolean> => {
    switch (record.variant) {
      case 'worker':
      case 'worker@ingest': {
        const worker = rig.studio.part('worker');
        return worker !== undefined && worker.pid !== killedPid;
      }
      case 'api':
        return rig.studio.healthy();
      case 'redis':
        return redisPort !== undefined && (await redisAnswers(redisPort));
      case 'backend':
        if (rig.standIns.executions().some((e) => e.backend === backend && e.event === 'start' && e.at > record.at)) return true;
        // Nothing left for it to run: back once the studio lists it up again.
        return context.batchDone() && (await rig.client.backends(rig.adminToken)).some((b) => b.url.replace(/\/+$/, '') === rig.standIns.urls[backend] && b.state === 'up');
    }
  };
  const movesAgain = async (): Promise<boolean> => context.batchDone() || (await rig.db.firstUpdateAfter(record.at)) !== undefined;
  let back = false;
  let moving = false;
  while (Date.now() < deadline && !(back && moving)) {
    if (!back && (await isBack().catch(() => false))) {
      back = true;
      record.backMs = Date.now() - record.at;
    }
    if (!moving && (await movesAgain())) {
      moving = true;
      const first = await rig.db.firstUpdateAfter(record.at);
      if (first !== undefined) record.workMs = first - record.at;
    }
    await sleep(50);
  }
}
