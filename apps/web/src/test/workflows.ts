import { parseObjectInfo } from '@app/shared/comfy/object-info';
import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import type { FormSchema } from '@app/shared/form/field-types';
import { DEFAULT_RUN_LIMITS } from '@app/shared/form/run-limits';
import { parseWorkflow } from '@app/shared/workflow/parse-workflow';
import { readFixtureJson } from '@test/fixtures';
import stitchGraph from './stitch-workflow.json';

/** What the sample checkpoints folder holds, as the api's catalogue would list it. */
const MODEL_FOLDERS = { checkpoints: ['sdxl/sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'] };

type RawObjectInfo = Record<string, { input: { required: Record<string, unknown[]> } }>;

/** A real ComfyUI's `/object_info` (every core node) with the Flux example's models installed. */
function fluxReadyObjectInfo(): ReturnType<typeof parseObjectInfo>['objectInfo'] {
  const raw = readFixtureJson('object-info-full.json') as RawObjectInfo;
  const models: [string, string, string[]][] = [
    ['UNETLoader', 'unet_name', ['Flux/flux1-krea-dev_fp8_scaled.safetensors']],
    ['DualCLIPLoader', 'clip_name1', ['clip_l.safetensors', 't5xxl_fp16.safetensors']],
    ['DualCLIPLoader', 'clip_name2', ['clip_l.safetensors', 't5xxl_fp16.safetensors']],
    ['VAELoader', 'vae_name', ['FLUX1/ae.safetensors', 'vae-ft-mse-840000-ema-pruned.safetensors']],
    ['LoraLoaderModelOnly', 'lora_name', ['Flux/flux1-krea-dev_fp8_scaled.safetensors', 'detail-tweaker-sd15.safetensors', 'styles/watercolor-sd15.safetensors']],
  ];
  for (const [node, input, options] of models) {
    const spec = raw[node]?.input.required;
    if (spec) spec[input] = [options];
  }
  return parseObjectInfo(raw).objectInfo;
}

let objectInfo: ReturnType<typeof parseObjectInfo>['objectInfo'] | null = null;

/** A real form: `parseWorkflow` over a graph with a real ComfyUI's `/object_info`, as the api does. */
export function schemaOf(graph: unknown): FormSchema {
  objectInfo ??= fluxReadyObjectInfo();
  const parsed = parseWorkflow(graph, objectInfo, { modelFolders: MODEL_FOLDERS });
  if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.schema;
}

/** CozyGen's Flux example: prompts, a randomized seed, LoRA choices with bypass switches, strengths. */
export function fluxSchema(): FormSchema {
  return schemaOf(readFixtureJson('workflows/cozygen/cozygen-flux-example.json'));
}

/** Written for these tests: two image inputs, a boolean and a stepped int (no fixture has a boolean). */
export function stitchSchema(): FormSchema {
  return schemaOf(stitchGraph);
}

export const WORKFLOW_ID = '0193a000-0000-7000-8000-00000000f10e';

export function workflowDetail(schema: FormSchema, overrides: Partial<WorkflowDetail> = {}): WorkflowDetail {
  return {
    id: WORKFLOW_ID,
    name: 'Flux',
    description: 'CozyGen example',
    type: schema.type,
    source: schema.source,
    version: 1,
    updatedAt: Date.UTC(2025, 0, 2),
    schema,
    warnings: [],
    limits: DEFAULT_RUN_LIMITS,
    ...overrides,
  };
}

export function emptyMemory() {
  return { values: {}, randomize: [], bypass: [], updatedAt: null };
}
