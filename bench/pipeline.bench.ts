import type { JobDetail } from '@app/shared/contracts/api/generations';
import type { BackendList } from '@app/shared/contracts/api/backends';
import type { WorkflowList } from '@app/shared/contracts/api/workflows';
import { startBenchStack, type BenchStack } from './support/bench-stack';
import { median, ms, percentile } from './support/stats';

/**
 * N-4: N jobs of T ms on K stand-in backends; the makespan against the ideal N·T/K (T measured
 * on the stand-ins themselves). N-1: then one job at a time with every slot free — POST
 * /api/generations latency, enqueue → dispatched, and the backend finishing → `job.completed` on
 * a socket (download, thumbnails, one DB transaction, the event through Redis).
 */
const BACKENDS = 3;
const JOBS = 60;
const STEPS = 10;
const STEP_MS = 40;
const LATENCY_ROUNDS = 20;

interface HistoryEntry {
  status: { messages: [string, { timestamp: number }][] };
}

async function backendTimes(stack: BenchStack, jobId: string): Promise<{ start: number; end: number }> {
  for (const sim of stack.sims) {
    const history = (await (await fetch(`${sim.url}/history/${jobId}`)).json()) as Record<string, HistoryEntry>;
    const entry = history[jobId];
    if (!entry) continue;
    const at = (type: string) => entry.status.messages.find(([name]) => name === type)?.[1].timestamp ?? Number.NaN;
    return { start: at('execution_start'), end: at('execution_success') };
  }
  throw new Error(`no backend ran ${jobId}`);
}

async function waitForBackends(stack: BenchStack): Promise<void> {
  for (;;) {
    const list = await stack.api<BackendList>('GET', '/backends');
    if (list.items.length === BACKENDS && list.items.every((b) => b.state === 'up')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runPipelineBench(): Promise<Record<string, number>> {
  const stack = await startBenchStack(BACKENDS, { stepMs: STEP_MS, previews: false });
  try {
    await waitForBackends(stack);
    const workflows = await stack.api<WorkflowList>('GET', '/workflows');
    const workflowId = workflows.items.find((w) => w.name === 'Text to image')?.id ?? '';
    const values = { Width: 64, Height: 64, Steps: STEPS };
    const socket = await stack.socket();
    const completedAt = new Map<string, number>();
    socket.on('job.completed', ({ jobId }) => completedAt.set(jobId, Date.now()));
    const waitFor = async (ids: readonly string[]) => {
      while (ids.some((id) => !completedAt.has(id))) await new Promise((r) => setTimeout(r, 20));
    };

    // Warm-up: every backend loads its cache once.
    const warm = await stack.api<{ jobs: { id: string }[] }>('POST', '/generations', { workflowId, values, count: BACKENDS });
    await waitFor(warm.jobs.map((j) => j.id));

    const batch = await stack.api<{ jobs: { id: string }[] }>('POST', '/generations', { workflowId, values, count: JOBS });
    const ids = batch.jobs.map((j) => j.id);
    await waitFor(ids);
    const times = await Promise.all(ids.map((id) => backendTimes(stack, id)));
    const runMs = times.map((t) => t.end - t.start);
    const ideal = runMs.reduce((a, b) => a + b, 0) / BACKENDS;
    const achieved = Math.max(...times.map((t) => t.end)) - Math.min(...times.map((t) => t.start));

    // Latency with free slots: one job at a time, nothing else running.
    const submitMs: number[] = [];
    const immediate: number[] = [];
    const doneToEvent: number[] = [];
    for (let i = 0; i < LATENCY_ROUNDS; i++) {
      const started = performance.now();
      const single = await stack.api<{ jobs: { id: string }[] }>('POST', '/generations', { workflowId, values });
      submitMs.push(performance.now() - started);
      const id = single.jobs[0]?.id ?? '';
      await waitFor([id]);
      const job = await stack.api<JobDetail>('GET', `/generations/${id}`);
      immediate.push((job.timings.dispatchedAt ?? Number.NaN) - job.timings.queuedAt);
      doneToEvent.push((completedAt.get(id) ?? Number.NaN) - (await backendTimes(stack, id)).end);
    }
    return {
      jobs: JOBS,
      backends: BACKENDS,
      meanRunMs: median(runMs),
      idealMakespanMs: ideal,
      makespanMs: achieved,
      utilisation: ideal / achieved,
      enqueueToDispatchP50: percentile(immediate, 50),
      enqueueToDispatchP95: percentile(immediate, 95),
      doneToEventP50: percentile(doneToEvent, 50),
      doneToEventP95: percentile(doneToEvent, 95),
      submitP50: percentile(submitMs, 50),
      submitP95: percentile(submitMs, 95),
    };
  } finally {
    await stack.close();
  }
}

if (require.main === module) {
  runPipelineBench()
    .then((r) => {
      process.stdout.write(
        [
          `N-4 utilisation: ${r.jobs} jobs of ~${ms(r.meanRunMs ?? 0)} on ${r.backends} backends: makespan ${ms(r.makespanMs ?? 0)} vs ideal ${ms(r.idealMakespanMs ?? 0)}, ratio ${(r.utilisation ?? 0).toFixed(3)} (target ≥ 0.99)`,
          `N-1 enqueue → dispatched (free slot): p50 ${ms(r.enqueueToDispatchP50 ?? 0)}, p95 ${ms(r.enqueueToDispatchP95 ?? 0)} (target p95 < 20 ms)`,
          `N-1 backend done → outputs + thumbnails recorded → job.completed on a socket: p50 ${ms(r.doneToEventP50 ?? 0)}, p95 ${ms(r.doneToEventP95 ?? 0)} (target p95 < 50 ms)`,
          `N-1 POST /api/generations (one run): p50 ${ms(r.submitP50 ?? 0)}, p95 ${ms(r.submitP95 ?? 0)} (target p95 < 50 ms)`,
        ].join('\n') + '\n',
      );
      process.stdout.write(`${JSON.stringify({ bench: 'pipeline', ...r })}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
