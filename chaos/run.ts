import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCycle } from './cycle';
import { checkCycle } from './invariants';
import type { KillRecord } from './killer';
import { killVariants, type ChaosOptions } from './options';
import { cycleLines, cycleReport, summarise, summaryLines, type CycleReport, type Summary } from './report';
import { Rig } from './rig';
import { planKills } from './schedule';

export interface ChaosResult {
  dir: string;
  baselineMs: number;
  reports: CycleReport[];
  summary: Summary;
}

const BACKENDS = 3;

/** The results folder: `.chaos-results/<UTC time>-seed<seed>` unless one was given. */
export function resultsDir(root: string, options: Pick<ChaosOptions, 'out' | 'seed'>): string {
  return options.out ?? join(root, '.chaos-results', `${new Date().toISOString().replace(/[:.]/g, '-')}-seed${options.seed}`);
}

/**
 * The crash guarantee as a program (docs/chaos.md): one undisturbed batch to measure against,
 * then `cycles` batches each with one seeded SIGKILL, checking every invariant after each.
 * `say` gets each printed line; everything is also written to `<dir>/report.json`.
 */
export async function runChaos(root: string, options: ChaosOptions, say: (line: string) => void): Promise<ChaosResult> {
  const dir = resultsDir(root, options);
  mkdirSync(dir, { recursive: true });
  const standInLog = join(dir, 'stand-ins.log');
  say(`chaos: seed ${options.seed}, ${options.cycles} cycles of ${options.jobs} jobs on ${BACKENDS} stand-ins, kills: ${options.kinds.join(', ')}; results in ${dir}`);
  const rig = await Rig.start({ root, dir, backends: BACKENDS, logLevel: options.logLevel, log: (line) => appendFileSync(standInLog, `${line}\n`) });
  const reports: CycleReport[] = [];
  const kills: KillRecord[] = [];
  const reportedStray = new Set<string>();
  /** Jobs an earlier cycle left open for good; later drains do not wait for them again. */
  const stuck = new Set<string>();
  let baselineMs = 0;
  let plan: ReturnType<typeof planKills> = [];
  try {
    const heal = () => rig.heal();
    for (let index = 0; index <= options.cycles; index += 1) {
      const leftOver = (await rig.db.openJobIds()).filter((id) => !stuck.has(id));
      for (const id of await rig.drain(leftOver, options.boundMs)) stuck.add(id);
      const limitMs = index === 0 ? 3 * options.boundMs : baselineMs + options.boundMs;
      const cycle = await runCycle(rig, { index, jobs: options.jobs, plan: plan[index - 1], limitMs, boundMs: options.boundMs, heal });
      if (cycle.kill) kills.push(cycle.kill);
      if (index === 0) {
        if (cycle.endedAt === undefined) throw new Error('the undisturbed batch did not end: nothing to measure against');
        baselineMs = cycle.endedAt - cycle.submittedAt;
        plan = planKills(killVariants(options.kinds), options.cycles, options.seed, baselineMs);
      }
      const results = checkCycle(cycle, { dataDir: rig.dataDir, kills, reportedStray });
      for (const path of [...cycle.stray.orphans, ...cycle.stray.partial]) reportedStray.add(path);
      const report = cycleReport(cycle, results, index === 0 ? undefined : baselineMs);
      reports.push(report);
      for (const line of cycleLines(report, options.cycles)) say(line);
    }
  } finally {
    await rig.close();
  }
  const summary = summarise(reports);
  for (const line of summaryLines(summary, baselineMs)) say(line);
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify({ options, baselineMs, summary, reports }, null, 2)}\n`);
  if (summary.passed && !options.keep) {
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    rmSync(join(dir, 'sims'), { recursive: true, force: true });
  }
  return { dir, baselineMs, reports, summary };
}
