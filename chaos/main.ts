import { resolve } from 'node:path';
import { killTracked } from './live-processes';
import { OptionsError, parseOptions } from './options';
import { runChaos } from './run';

/** `npm run chaos -- [--cycles N] [--jobs N] [--seed S] [--kinds worker,api,redis,backend] …` */
async function main(): Promise<number> {
  const root = resolve(__dirname, '../..');
  const options = parseOptions(process.argv.slice(2));
  const result = await runChaos(root, options, (line) => process.stdout.write(`${line}\n`));
  const { summary } = result;
  process.stdout.write(`${JSON.stringify({ chaos: 'summary', seed: options.seed, cycles: options.cycles, jobs: options.jobs, kinds: options.kinds, baselineMs: result.baselineMs, passed: summary.passed, failures: summary.failures, results: result.dir })}\n`);
  return summary.passed ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`chaos: ${signal}, stopping the studio and the stand-ins\n`);
    killTracked();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos: ${error instanceof OptionsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
