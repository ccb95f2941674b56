import { isTerminal } from '@app/shared/jobs/job-state';
import type { CycleData } from './cycle';
import { INVARIANTS, type InvariantName, type InvariantResult } from './invariants';

/** One cycle as reported: its kill, its timings and each invariant's result. */
export interface CycleReport {
  index: number;
  /** `undisturbed` for the measuring run, else the kill's variant. */
  variant: string;
  target?: string;
  offsetMs?: number;
  skipped?: string;
  held: number;
  backMs?: number;
  workMs?: number;
  /** Kill → the last job it held ended; undefined when one never did. */
  heldDoneMs?: number;
  batchMs?: number;
  slowdown?: number;
  healed?: string;
  results: InvariantResult[];
}

const SHOWN_OFFENDERS = 6;
const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

export function cycleReport(cycle: CycleData, results: InvariantResult[], baselineMs: number | undefined): CycleReport {
  const kill = cycle.kill;
  const batchMs = cycle.endedAt === undefined ? undefined : cycle.endedAt - cycle.submittedAt;
  let heldDoneMs: number | undefined;
  if (kill && !kill.skipped && kill.held.length > 0) {
    const rows = cycle.rows.filter((r) => kill.held.includes(r.id));
    heldDoneMs = rows.length === kill.held.length && rows.every((r) => isTerminal(r.status)) ? Math.max(...rows.map((r) => r.updatedAt - kill.at)) : undefined;
  }
  return {
    index: cycle.index,
    variant: kill?.variant ?? 'undisturbed',
    target: kill?.target,
    offsetMs: kill?.offsetMs,
    skipped: kill?.skipped,
    held: kill?.held.length ?? 0,
    backMs: kill?.backMs,
    workMs: kill?.workMs,
    heldDoneMs,
    batchMs,
    slowdown: batchMs !== undefined && baselineMs ? batchMs / baselineMs : undefined,
    healed: cycle.healed,
    results,
  };
}

/** The lines printed after a cycle: what was killed and when, then one line per invariant. */
export function cycleLines(report: CycleReport, cycles: number): string[] {
  const kill = report.variant === 'undisturbed' ? 'undisturbed' : report.skipped ? `kill ${report.variant} skipped (${report.skipped})` : `kill ${report.variant}: ${report.target} at +${seconds(report.offsetMs)}, ${report.held} jobs held`;
  const batch = report.batchMs === undefined ? 'batch did not end within the limit' : `batch ${seconds(report.batchMs)}${report.slowdown === undefined ? '' : ` (${report.slowdown.toFixed(2)}× undisturbed)`}`;
  const lines = [`cycle ${report.index}/${cycles} · ${kill} · ${batch}`];
  if (report.healed) lines.push(`  studio restarted by the harness: ${report.healed}`);
  for (const r of report.results) {
    const more = r.offenders.length > SHOWN_OFFENDERS ? ` … +${r.offenders.length - SHOWN_OFFENDERS} more` : '';
    const offenders = r.offenders.length > 0 ? ` — ${r.offenders.slice(0, SHOWN_OFFENDERS).join('; ')}${more}` : '';
    lines.push(`  ${r.pass ? 'PASS' : 'FAIL'} ${r.name.padEnd(15)}${r.detail}${offenders}`);
  }
  if (report.variant !== 'undisturbed' && !report.skipped) lines.push(`  recovery: back ${seconds(report.backMs)}, work again ${seconds(report.workMs)}, held jobs done ${report.held === 0 ? '—' : report.heldDoneMs === undefined ? 'never (stuck)' : seconds(report.heldDoneMs)}`);
  return lines;
}

function spread(values: (number | undefined)[], format: (v: number) => string): string {
  const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return '—';
  const median = known[Math.floor((known.length - 1) / 2)] ?? 0;
  const missing = values.length - known.length;
  return `${format(median)} / ${format(known[known.length - 1] ?? 0)}${missing > 0 ? ` (${missing}× never)` : ''}`;
}

export interface Summary {
  passed: boolean;
  failures: Partial<Record<InvariantName, number>>;
  byVariant: Record<string, { cycles: number; failures: Partial<Record<InvariantName, number>>; backMs: (number | undefined)[]; workMs: (number | undefined)[]; heldDoneMs: (number | undefined)[]; slowdown: (number | undefined)[] }>;
}

export function summarise(reports: readonly CycleReport[]): Summary {
  const summary: Summary = { passed: true, failures: {}, byVariant: {} };
  for (const report of reports) {
    const variant = (summary.byVariant[report.variant] ??= { cycles: 0, failures: {}, backMs: [], workMs: [], heldDoneMs: [], slowdown: [] });
    variant.cycles += 1;
    if (!report.skipped && report.variant !== 'undisturbed') {
      variant.backMs.push(report.backMs);
      variant.workMs.push(report.workMs);
      if (report.held > 0) variant.heldDoneMs.push(report.heldDoneMs);
    }
    variant.slowdown.push(report.slowdown);
    for (const r of report.results.filter((x) => !x.pass)) {
      summary.passed = false;
      summary.failures[r.name] = (summary.failures[r.name] ?? 0) + 1;
      variant.failures[r.name] = (variant.failures[r.name] ?? 0) + 1;
    }
  }
  return summary;
}

/** The closing table: per kill variant, the invariants that failed (in how many cycles) and recovery times (median / max). */
export function summaryLines(summary: Summary, baselineMs: number): string[] {
  const header = ['kill', 'cycles', 'failed invariants (cycles)', 'back', 'work again', 'held jobs done', 'batch × undisturbed'];
  const rows = Object.entries(summary.byVariant).map(([variant, v]) => [
    variant,
    String(v.cycles),
    INVARIANTS.filter((name) => v.failures[name]).map((name) => `${name} ${v.failures[name]}`).join(', ') || 'none',
    spread(v.backMs, (ms) => `${(ms / 1000).toFixed(1)} s`),
    spread(v.workMs, (ms) => `${(ms / 1000).toFixed(1)} s`),
    spread(v.heldDoneMs, (ms) => `${(ms / 1000).toFixed(1)} s`),
    spread(v.slowdown, (x) => x.toFixed(2)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const verdict = summary.passed ? 'PASS: every invariant held in every cycle' : `FAIL: ${INVARIANTS.filter((n) => summary.failures[n]).map((n) => `${n} in ${summary.failures[n]} cycles`).join(', ')}`;
  return [`undisturbed batch: ${seconds(baselineMs)}; times are median / max`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), verdict];
}
