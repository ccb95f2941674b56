import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INVARIANTS } from './invariants';
import { KILL_KINDS } from './options';
import { runChaos, type ChaosResult } from './run';

/**
 * X-6 / J-10, the short version of `npm run chaos` that runs in `npm test`: the studio as
 * `npm start` runs it (compiled, so npm test builds first), one batch undisturbed and then one
 * cycle per kill — the worker while a job is ingesting and at a random moment, the api, Redis, a
 * backend — with fewer jobs and a fixed seed. Each invariant is one test, failing with the cycles
 * (and job ids) that broke it.
 */
const ROOT = resolve(__dirname, '..');
const SEED = 13;

describe('the crash guarantee: kill anything mid-batch and every job still ends exactly once', () => {
  let result: ChaosResult;
  const lines: string[] = [];
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'cs-chaos-'));
    result = await runChaos(ROOT, { cycles: 5, jobs: 12, seed: SEED, kinds: [...KILL_KINDS], boundMs: 45_000, out, keep: false, logLevel: 'info' }, (line) => lines.push(line));
  }, 10 * 60_000);

  afterAll(() => {
    process.stdout.write(`${lines.join('\n')}\n`);
    if (result?.summary.passed) rmSync(out, { recursive: true, force: true });
  });

  it('killed each kind of process at least once, the worker once while a job was ingesting', () => {
    const done = result.reports.filter((r) => r.variant !== 'undisturbed' && !r.skipped).map((r) => r.variant);
    expect(done.sort()).toEqual(['api', 'backend', 'redis', 'worker', 'worker@ingest']);
  });

  it.each(INVARIANTS.map((name) => [name]))('%s held after every kill', (name) => {
    const broken = result.reports.flatMap((report) => {
      const found = report.results.find((r) => r.name === name);
      return found && !found.pass ? [`cycle ${report.index} (${report.variant}): ${found.detail} — ${found.offenders.join('; ')}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
