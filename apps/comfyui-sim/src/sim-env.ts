import { resolve } from 'node:path';
import { z } from 'zod';
import { faultUpdateSchema } from './faults';
import type { SimOptions } from './sim-options';

const jsonText = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, context): z.infer<T> => {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      context.issues.push({ code: 'custom', message: 'is not JSON', input: text });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.issues.push({ code: 'custom', message: `${issue.path.join('.') || 'value'}: ${issue.message}`, input: value });
    return z.NEVER;
  });

const simEnvSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8188),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_DATA_DIR: z.string().min(1).default('data/comfyui-sim'),
  SIM_STEP_MS: z.coerce.number().min(0).optional(),
  SIM_MODELS: jsonText(z.record(z.string(), z.array(z.string()))).optional(),
  SIM_FAULTS: jsonText(faultUpdateSchema).optional(),
  SIM_EXECUTION_LOG: z.string().min(1).optional(),
});

export class SimEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/**
 * Options for the standalone stand-in from its environment (docs/comfyui-sim.md): SIM_PORT (8188),
 * SIM_HOST (127.0.0.1), SIM_DATA_DIR (./data/comfyui-sim from `cwd`), SIM_STEP_MS, SIM_MODELS and
 * SIM_FAULTS (JSON), SIM_EXECUTION_LOG (a file, relative to `cwd`). Throws one problem per bad variable.
 */
export function loadSimEnv(env: Record<string, string | undefined>, cwd: string): SimOptions {
  const parsed = simEnvSchema.safeParse(env);
  if (!parsed.success) throw new SimEnvError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const { SIM_PORT, SIM_HOST, SIM_DATA_DIR, SIM_STEP_MS, SIM_MODELS, SIM_FAULTS, SIM_EXECUTION_LOG } = parsed.data;
  return {
    port: SIM_PORT,
    host: SIM_HOST,
    dataDir: resolve(cwd, SIM_DATA_DIR),
    ...(SIM_STEP_MS === undefined ? {} : { stepMs: SIM_STEP_MS }),
    ...(SIM_MODELS === undefined ? {} : { models: SIM_MODELS }),
    ...(SIM_FAULTS === undefined ? {} : { faults: SIM_FAULTS }),
    ...(SIM_EXECUTION_LOG === undefined ? {} : { executionLog: resolve(cwd, SIM_EXECUTION_LOG) }),
  };
}
