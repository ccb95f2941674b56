import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import type { ApiGraph } from './api-graph';
import { apiGraphSchema } from './api-graph';
import { indexConsumers } from './graph-nodes';
import { MAX_PLAIN_FIELDS, plainFields } from './plain-fields';
import { promptRole } from './prompt-roles';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));
const sd15 = apiGraphSchema.parse(readFixtureJson('workflows/plain/sd15-txt2img.json'));
const loraChain = apiGraphSchema.parse(readFixtureJson('workflows/plain/sd15-txt2img-lora-chain.json'));

function labels(graph: ApiGraph): [string, string][] {
  return plainFields(graph, { objectInfo }).fields.map((field) => [field.name, field.label]);
}

describe('W-18 plain workflows get a proposed form', () => {
  it('labels and orders the SD 1.5 fields: prompts, seed, size, sampler, models', () => {
    expect(labels(loraChain)).toEqual([
      ['6.text', 'Prompt'],
      ['7.text', 'Negative prompt'],
      ['3.seed', 'KSampler seed'],
      ['5.width', 'Empty Latent Image width'],
      ['5.height', 'Empty Latent Image height'],
      ['5.batch_size', 'Empty Latent Image batch_size'],
      ['3.steps', 'KSampler steps'],
      ['3.cfg', 'KSampler cfg'],
      ['3.sampler_name', 'KSampler sampler_name'],
      ['3.scheduler', 'KSampler scheduler'],
      ['3.denoise', 'KSampler denoise'],
      ['4.ckpt_name', 'Load Checkpoint'],
      ['10.lora_name', 'Load LoRA lora_name (10)'],
      ['10.strength_model', 'Load LoRA strength_model (10)'],
      ['10.strength_clip', 'Load LoRA strength_clip (10)'],
      ['11.lora_name', 'Load LoRA lora_name (11)'],
      ['11.strength_model', 'Load LoRA strength_model (11)'],
      ['11.strength_clip', 'Load LoRA strength_clip (11)'],
    ]);
  });

  it.each([
    ['6.text', { type: 'string', default: 'a cozy cabin in a snowy pine forest at dusk, warm window light, detailed, high quality', multiline: true, targets: [{ nodeId: '6', input: 'text' }], markerNodeIds: [] }],
    ['3.seed', { type: 'int', default: 8675309, min: 0, max: 9007199254740991, step: 1, randomize: { initial: true } }],
    ['5.width', { type: 'int', default: 512, min: 16, max: 16384, step: 8 }],
    ['3.cfg', { type: 'float', default: 7, min: 0, max: 100, step: 0.1 }],
    ['3.denoise', { type: 'float', default: 1, min: 0, max: 1, step: 0.01 }],
    ['3.scheduler', { type: 'choice', default: 'karras', choices: ['simple', 'sgm_uniform', 'karras', 'exponential', 'ddim_uniform', 'beta', 'normal', 'linear_quadratic', 'kl_optimal'] }],
    ['4.ckpt_name', { type: 'choice', default: 'v1-5-pruned-emaonly.safetensors', choices: ['sdxl/sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'] }],
  ])('%s', (name, expected) => {
    expect(plainFields(sd15, { objectInfo }).fields.find((field) => field.name === name)).toMatchObject(expected);
  });

  it('finds LoRA names in subfolders and both strengths', () => {
    const fields = plainFields(loraChain, { objectInfo }).fields;
    expect(fields.find((field) => field.name === '11.lora_name')).toMatchObject({ default: 'styles/watercolor-sd15.safetensors' });
    expect(fields.find((field) => field.name === '11.strength_clip')).toMatchObject({ type: 'float', default: 0.45, min: -100, max: 100 });
  });

  it('without /object_info, types come from the input names and choices are unresolved', () => {
    const fields = plainFields(sd15, {}).fields;
    expect(fields.map((field) => [field.name, field.type])).toEqual([
      ['6.text', 'string'],
      ['7.text', 'string'],
      ['3.seed', 'int'],
      ['5.width', 'int'],
      ['5.height', 'int'],
      ['5.batch_size', 'int'],
      ['3.steps', 'int'],
      ['3.cfg', 'float'],
      ['3.sampler_name', 'choice'],
      ['3.scheduler', 'choice'],
      ['3.denoise', 'float'],
      ['4.ckpt_name', 'choice'],
    ]);
    expect(fields.find((field) => field.name === '3.seed')).toMatchObject({ default: 8675309, step: 1 });
    expect(fields.find((field) => field.name === '3.seed')?.max).toBeUndefined();
    expect(fields.find((field) => field.name === '3.sampler_name')).toMatchObject({ default: 'dpmpp_2m', choices: [], choiceSource: { kind: 'unresolved' } });
  });

  it('proposes an image field for LoadImage, ignoring the file named in the export', () => {
    const graph = apiGraphSchema.parse({
      '1': { class_type: 'LoadImage', inputs: { image: 'example.png' }, _meta: { title: 'Photo' } },
      '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } },
      '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: 'x' } },
    });
    expect(plainFields(graph, { objectInfo }).fields).toEqual([{ name: '1.image', label: 'Photo', type: 'image', default: null, targets: [{ nodeId: '1', input: 'image' }], markerNodeIds: [] }]);
  });

  it('labels SDXL text_g/text_l by role plus input name, and an ambiguous prompt by its title', () => {
    const graph = apiGraphSchema.parse({
      '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
      '2': { class_type: 'CLIPTextEncodeSDXL', inputs: { clip: ['1', 1], width: 1024, height: 1024, crop_w: 0, crop_h: 0, target_width: 1024, target_height: 1024, text_g: 'a fox', text_l: 'a fox, detailed' } },
      '4': { class_type: 'CLIPTextEncode', inputs: { clip: ['1', 1], text: 'both ways' }, _meta: { title: 'Shared text' } },
      '5': { class_type: 'ConditioningZeroOut', inputs: { conditioning: ['4', 0] } },
      '6': { class_type: 'KSampler', inputs: { model: ['1', 0], positive: ['2', 0], negative: ['5', 0], latent_image: ['1', 0], seed: 1, steps: 4, cfg: 1, sampler_name: 'euler', scheduler: 'simple', denoise: 1 } },
      '7': { class_type: 'KSampler', inputs: { model: ['1', 0], positive: ['4', 0], negative: ['5', 0], latent_image: ['6', 0], seed: 2, steps: 4, cfg: 1, sampler_name: 'euler', scheduler: 'simple', denoise: 1 } },
      '8': { class_type: 'SaveLatent', inputs: { samples: ['7', 0], filename_prefix: 'x' } },
    });
    expect(promptRole(graph, '4', indexConsumers(graph))).toBeUndefined();
    expect(promptRole(graph, '2', indexConsumers(graph))).toBe('positive');
    expect(labels(graph).slice(0, 3)).toEqual([
      ['2.text_g', 'Prompt text_g'],
      ['2.text_l', 'Prompt text_l'],
      ['4.text', 'Shared text'],
    ]);
  });

  it('traces a prompt to negative through conditioning nodes (W-18)', () => {
    const graph = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-flux-example.json'));
    expect(promptRole(graph, '45', indexConsumers(graph))).toBeUndefined();
    const wan = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-wan2-2-i2v-gguf-example.json'));
    expect(promptRole(wan, '89', indexConsumers(wan))).toBe('negative');
    expect(promptRole(wan, '93', indexConsumers(wan))).toBe('positive');
  });

  it(`keeps at most ${MAX_PLAIN_FIELDS} fields and says how many were left out`, () => {
    const nodes: Record<string, unknown> = { '900': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'x' } } };
    for (let index = 1; index <= 15; index += 1) nodes[String(index)] = { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 1, color: 0 } };
    const { fields, warnings } = plainFields(apiGraphSchema.parse(nodes), { objectInfo });
    expect(fields).toHaveLength(40);
    expect(fields.at(-1)?.name).toBe('14.width');
    expect(warnings).toEqual([{ field: 'graph', message: '5 more detected inputs were not added to the form (at most 40 fields)' }]);
  });
});
