import { z } from 'zod';

export const KILL_KINDS = ['worker', 'api', 'redis', 'backend'] as const;
export type KillKind = (typeof KILL_KINDS)[number];

/** A kill as planned: `worker@ingest` is the worker killed while a job's outputs are being ingested. */
export type KillVariant = 'worker@ingest' | 'worker' | 'api' | 'redis' | 'backend';

export interface ChaosOptions {
  cycles: number;
  /** Jobs per cycle, split between the two users. */
  jobs: number;
  seed: number;
  kinds: KillKind[];
  /** How long every job of a cycle may take to end, after the undisturbed batch time. */
  boundMs: number;
  /** Results folder; default `.chaos-results/<time>-seed<seed>`. */
  out: string | undefined;
  /** Keep the data folders even when every invariant held. */
  keep: boolean;
  logLevel: string;
}

const optionsSchema = z.strictObject({
  cycles: z.coerce.number().int().min(1).max(1000).default(20),
  jobs: z.coerce.number().int().min(4).max(1000).default(100),
  seed: z.coerce.number().int().min(0).max(2 ** 31).default(() => Math.floor(Math.random() * 2 ** 31)),
  kinds: z
    .string()
    .default(KILL_KINDS.join(','))
    .transform((text) => text.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.enum(KILL_KINDS, { message: `must be among ${KILL_KINDS.join(', ')}` })).min(1)),
  'bound-s': z.coerce.number().min(5).max(3600).default(60),
  out: z.string().min(1).optional(),
  keep: z.literal(true).optional(),
  'log-level': z.enum(['fatal', 'error', 'warn', 'info', 'debug']).default('info'),
});

/** One readable line about what was wrong with the command line. */
export class OptionsError extends Error {}

/**
 * `--cycles N --jobs N --seed S --kinds worker,api,redis,backend --bound-s S --out DIR --keep
 * --log-level L`, each `--name value` or `--name=value`.
 */
export function parseOptions(argv: readonly string[]): ChaosOptions {
  const raw: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new OptionsError(`unexpected argument "${arg}" (options look like --cycles 20)`);
    const name = match[1];
    if (name === 'keep') raw.keep = true;
    else if (match[2] !== undefined) raw[name] = match[2];
    else if (argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('--')) raw[name] = argv[(i += 1)] ?? '';
    else throw new OptionsError(`--${name} needs a value`);
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') throw new OptionsError(`unknown option ${issue.keys.map((k) => `--${k}`).join(', ')}`);
    throw new OptionsError(`--${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'bad value'}`);
  }
  const o = parsed.data;
  return { cycles: o.cycles, jobs: o.jobs, seed: o.seed, kinds: [...new Set(o.kinds)], boundMs: o['bound-s'] * 1000, out: o.out, keep: o.keep === true, logLevel: o['log-level'] };
}

/** The kill variants the chosen kinds stand for: a worker is killed both at random and during an ingest. */
export function killVariants(kinds: readonly KillKind[]): KillVariant[] {
  return kinds.flatMap((kind): KillVariant[] => (kind === 'worker' ? ['worker@ingest', 'worker'] : [kind]));
}
