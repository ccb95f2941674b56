import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import type { FormField, FormSchema } from '../form/field-types';
import { formSchemaSchema } from '../form/field-types';
import { parseWorkflow } from './parse-workflow';

const full = parseObjectInfo(readFixtureJson('object-info-full.json')).objectInfo;
const objectInfo = { ...full, ...parseObjectInfo(readFixtureJson('object-info-cozygen.json')).objectInfo };

/** `null` parses without /object_info. */
function parse(file: string, info: typeof objectInfo | null = objectInfo): { schema: FormSchema; warnings: { field: string; message: string }[] } {
  const result = parseWorkflow(readFixtureJson(`workflows/${file}`), info ?? undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function field(file: string, name: string, info: typeof objectInfo | null = objectInfo): FormField {
  const found = parse(file, info).schema.fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe('W-3, W-10, W-11 every fixture: type, outputs and field order', () => {
  it.each([
    ['cozygen/cozygen-flux-example.json', 'text-to-image', ['65'], ['Prompt', 'Width', 'Height', 'Seed', 'Steps', 'Lora 1', 'Lora 1 Str', 'Lora 2', 'Lora 2 Str', 'Lora 3', 'Lora 3 Str', 'Model', 'Clip 1', 'Clip 2', 'VAE', 'Sampler', 'Scheduler', 'Filename Prefix', 'Batch Size']],
    ['cozygen/cozygen-i2i-example.json', 'image-to-image', ['21'], ['Prompt', 'Image Input', 'Negative Prompt', 'Denoise', 'Steps', 'Seed', 'Cfg', 'Sampler', 'Scheduler', 'ckpt_name']],
    ['cozygen/cozygen-qwen-image-edit-example.json', 'image-to-image', ['117'], ['Image 1 Input', 'Image 2 Input', 'Image 3 Input', 'Prompt', 'Seed', 'Steps', 'Lora 1', 'Lora 1 Str', 'Lora 2', 'Lora 2 Str', 'Model']],
    ['cozygen/cozygen-wan2-2-i2v-gguf-example.json', 'image-to-video', ['118', '125'], ['Image Input', 'Prompt', 'Seed', 'Frame Rate', 'Length', 'Filename Prefix']],
    ['cozygen/cozygen-wan2-2-t2v-gguf-example.json', 'text-to-video', ['118', '129'], ['Prompt', 'Width', 'Height', 'Frame Rate', 'Length', 'Seed', 'Filename Prefix']],
    ['cozygen/neoncozygen-img2vid.json', 'image-to-video', ['16'], ['Image Input', 'Lora High', 'Lora High Strength', 'Lora Low', 'Prompt', 'Frame Count']],
    ['cozygen/neoncozygen-img2vid-dual-lora.json', 'image-to-video', ['16'], ['Image Input', 'Lora High - 1', 'Lora High Strength - 1', 'Lora High - 2', 'Lora High Strength - 2', 'Lora Low - 1', 'Lora Low - 2', 'Lora Low Strength - 2', 'Prompt', 'Image Quality (CRF)', 'Frame Count']],
    ['cozygen/neoncozygen-img2vid-multi-lora.json', 'image-to-video', ['16'], ['Image Input', 'Lora High - 1', 'Lora High Strength - 1', 'Lora High - 2', 'Lora High Strength - 2', 'Lora High - 3', 'Lora High Strength - 3', 'Lora High - 4', 'Lora High Strength - 4', 'Lora Low - 1', 'Lora Low - 2', 'Lora Low Strength - 2', 'Lora Low - 3', 'Lora Low Strength - 3', 'Lora Low - 4', 'Lora Low Strength - 4', 'Image Quality (CRF)', 'Frame Count', 'Prompt']],
    ['cozygen/neoncozygen-tx2image-wan.json', 'text-to-image', ['80', '102', '137'], ['Prompt', 'Width', 'Height']],
    ['cozygen-min/cozygen-min-dynamic-inputs.json', 'text-to-image', ['2'], ['width', 'height', 'Fill Colour', 'batch_size', 'filename_prefix']],
    ['cozygen-min/cozygen-min-image-input.json', 'image-to-image', ['3', '4'], ['Source Image']],
    ['cozygen-min/cozygen-min-int-inputs.json', 'text-to-image', ['3'], ['Width', 'Height', 'Color']],
    ['plain/model-free-invert.json', 'text-to-image', ['3'], ['1.width', '1.height', '1.batch_size']],
    ['plain/sd15-txt2img.json', 'text-to-image', ['9'], ['6.text', '7.text', '3.seed', '5.width', '5.height', '5.batch_size', '3.steps', '3.cfg', '3.sampler_name', '3.scheduler', '3.denoise', '4.ckpt_name']],
    ['plain/sd15-txt2img-lora-chain.json', 'text-to-image', ['9'], ['6.text', '7.text', '3.seed', '5.width', '5.height', '5.batch_size', '3.steps', '3.cfg', '3.sampler_name', '3.scheduler', '3.denoise', '4.ckpt_name', '10.lora_name', '10.strength_model', '10.strength_clip', '11.lora_name', '11.strength_model', '11.strength_clip']],
  ])('%s → %s', (file, type, outputs, names) => {
    for (const info of [objectInfo, null]) {
      const { schema } = parse(file, info);
      expect(schema.type).toBe(type);
      expect(schema.source).toBe(file.startsWith('plain/') ? 'plain' : 'cozygen');
      expect(schema.outputs.map((output) => output.nodeId)).toEqual(outputs);
      expect(schema.fields.map((candidate) => candidate.name)).toEqual(names);
      expect(formSchemaSchema.parse(schema)).toEqual(schema);
    }
  });
});

describe('W-6 … W-9 fields of real workflows', () => {
  it.each([
    ['cozygen/cozygen-flux-example.json', 'Width', { type: 'int', default: 1024, min: 16, max: 2048, step: 1, targets: [{ nodeId: '27', input: 'width' }], markerNodeIds: ['57'] }],
    ['cozygen/cozygen-flux-example.json', 'Seed', { type: 'int', default: 1234, min: 0, max: 9999999999, step: 1, randomize: { initial: true } }],
    ['cozygen/cozygen-flux-example.json', 'Batch Size', { default: 1, min: 1, max: 2048 }],
    ['cozygen/cozygen-flux-example.json', 'Lora 1 Str', { type: 'float', default: 1, min: 0, max: 100, step: 0.1 }],
    ['cozygen/cozygen-flux-example.json', 'Prompt', { type: 'string', default: '', multiline: true, targets: [{ nodeId: '45', input: 'text' }] }],
    ['cozygen/cozygen-flux-example.json', 'Filename Prefix', { type: 'string', default: 'CozyGen/output', multiline: false, targets: [{ nodeId: '65', input: 'filename_prefix' }] }],
    ['cozygen/cozygen-i2i-example.json', 'Seed', { type: 'int', default: 1234, min: 0, max: 9007199254740991, step: 10, randomize: { initial: true } }],
    ['cozygen/cozygen-i2i-example.json', 'Denoise', { type: 'float', default: 0.65, min: 0, max: 1, step: 0.1 }],
    ['cozygen/cozygen-i2i-example.json', 'Negative Prompt', { type: 'string', default: 'watermark, text', multiline: false }],
    ['cozygen/cozygen-i2i-example.json', 'Image Input', { type: 'image', default: null, targets: [{ nodeId: '12', input: 'pixels' }], markerNodeIds: ['24'] }],
    ['cozygen/cozygen-qwen-image-edit-example.json', 'Steps', { default: 40, min: 1, max: 10000, randomize: { initial: false } }],
    ['cozygen/cozygen-wan2-2-t2v-gguf-example.json', 'Length', { type: 'int', default: 81, min: 1, max: 16384, step: 1, targets: [{ nodeId: '74', input: 'length' }, { nodeId: '128', input: 'start' }] }],
    ['cozygen/cozygen-wan2-2-t2v-gguf-example.json', 'Frame Rate', { default: 16, min: 1, max: 24, step: 10, targets: [{ nodeId: '118', input: 'frame_rate' }] }],
    ['cozygen/cozygen-wan2-2-t2v-gguf-example.json', 'Width', { default: 720, min: 16, max: 16384, step: 160 }],
    ['cozygen/neoncozygen-img2vid.json', 'Frame Count', { default: 63, min: 1, max: 350 }],
    ['cozygen-min/cozygen-min-dynamic-inputs.json', 'Fill Colour', { type: 'int', default: 65280, min: 0, max: 16777215, randomize: { initial: false } }],
  ])('%s: %s', (file, name, expected) => {
    expect(field(file, name)).toMatchObject(expected);
  });

  it('gives the whole field for a simple marker workflow', () => {
    expect(parse('cozygen-min/cozygen-min-int-inputs.json').schema.fields).toEqual([
      { name: 'Width', label: 'Width', type: 'int', default: 128, min: 16, max: 2048, step: 16, targets: [{ nodeId: '1', input: 'width' }], markerNodeIds: ['4'] },
      { name: 'Height', label: 'Height', type: 'int', default: 96, min: 16, max: 2048, step: 16, targets: [{ nodeId: '1', input: 'height' }], markerNodeIds: ['5'] },
      { name: 'Color', label: 'Color', type: 'int', default: 16744448, min: 0, max: 16777215, step: 1, randomize: { initial: false }, targets: [{ nodeId: '1', input: 'color' }], markerNodeIds: ['6'] },
    ]);
  });

  it('without /object_info, limits come from the marker alone and choices are unresolved', () => {
    expect(field('cozygen/cozygen-i2i-example.json', 'Seed', null)).toMatchObject({ min: 0, max: 9007199254740991 });
    expect(field('cozygen/cozygen-flux-example.json', 'Width', null)).toMatchObject({ min: 0, max: 2048 });
    expect(field('cozygen/cozygen-i2i-example.json', 'ckpt_name', null)).toEqual(
      expect.objectContaining({ type: 'choice', default: 'SDXL/juggernautXL_ragnarokBy.safetensors', choices: [], choiceSource: { kind: 'unresolved' } }),
    );
    expect(field('cozygen/cozygen-i2i-example.json', 'ckpt_name', null).defaultUnavailable).toBeUndefined();
  });
});

describe('W-8, W-14, W-15 choice fields', () => {
  it('a Windows default missing from the live list is flagged and the first choice preselected', () => {
    const { schema, warnings } = parse('cozygen/cozygen-i2i-example.json');
    expect(schema.fields.find((candidate) => candidate.name === 'ckpt_name')).toEqual({
      name: 'ckpt_name',
      label: 'ckpt_name',
      type: 'choice',
      default: 'sdxl/sd_xl_base_1.0.safetensors',
      choices: ['sdxl/sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'],
      choiceSource: { kind: 'consumer', inputs: [{ classType: 'CheckpointLoaderSimple', input: 'ckpt_name' }] },
      defaultUnavailable: 'SDXL/juggernautXL_ragnarokBy.safetensors',
      targets: [{ nodeId: '14', input: 'ckpt_name' }],
      markerNodeIds: ['28'],
    });
    expect(warnings).toContainEqual({ field: 'graph.28', message: 'ckpt_name: default "SDXL/juggernautXL_ragnarokBy.safetensors" is unavailable on every backend' });
  });

  it('a Windows default that the live list has in / spelling is kept', () => {
    const info = { ...objectInfo, UNETLoader: { ...objectInfo.UNETLoader!, input: { required: { unet_name: [['Flux/flux1-krea-dev_fp8_scaled.safetensors', 'other.safetensors']] } } } } satisfies typeof objectInfo;
    expect(field('cozygen/cozygen-flux-example.json', 'Model', info)).toMatchObject({ default: 'Flux/flux1-krea-dev_fp8_scaled.safetensors' });
    expect(field('cozygen/cozygen-flux-example.json', 'Model', info).defaultUnavailable).toBeUndefined();
  });

  it('samplers_list reads KSampler through the input it feeds', () => {
    const sampler = field('cozygen/cozygen-i2i-example.json', 'Sampler');
    expect(sampler).toMatchObject({ default: 'euler', choiceSource: { kind: 'consumer', inputs: [{ classType: 'KSampler', input: 'sampler_name' }] } });
    expect(sampler.choices).toHaveLength(44);
  });

  it('a custom consumer falls back to the model folder named by choice_type', () => {
    const result = parseWorkflow(readFixtureJson('workflows/cozygen/cozygen-qwen-image-edit-example.json'), objectInfo, { modelFolders: { diffusion_models: ['qwen\\svdq-int4.safetensors'] } });
    if (!result.ok) throw new Error('expected a form');
    const { schema, warnings } = result;
    expect(schema.fields.at(-1)).toMatchObject({ name: 'Model', default: 'qwen/svdq-int4.safetensors', choices: ['qwen/svdq-int4.safetensors'], choiceSource: { kind: 'modelFolder', folder: 'diffusion_models', listed: true } });
    expect(warnings).toEqual([{ field: 'graph', message: 'node types the backend does not have: NunchakuQwenImageDiTLoader' }]);
  });

  it('an empty live list says "no choices available"', () => {
    const { warnings } = parse('cozygen/cozygen-flux-example.json');
    expect(warnings).toContainEqual({ field: 'graph.53', message: 'Model: no choices available' });
    expect(field('cozygen/cozygen-flux-example.json', 'Model')).toMatchObject({ choices: [], default: '', defaultUnavailable: 'Flux/flux1-krea-dev_fp8_scaled.safetensors' });
  });
});

describe('W-6, W-11 names and order of marker fields', () => {
  const names = (graph: Record<string, unknown>) => {
    const result = parseWorkflow(graph, objectInfo);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.schema.fields.map((candidate) => candidate.name);
  };
  const saver = (image: string) => ({ class_type: 'SaveImage', inputs: { images: [image, 0], filename_prefix: 'x' } });

  it('W-11 ties: integer ids numerically, subgraph-style ids after them', () => {
    const graph = {
      '1': { class_type: 'EmptyImage', inputs: { width: ['50:3', 0], height: ['9', 0], batch_size: ['10', 0], color: ['50:10', 0] } },
      '2': saver('1'),
      '50:3': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Width' } },
      '50:10': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Color' } },
      '9': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Height' } },
      '10': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Batch' } },
    };
    expect(names(graph)).toEqual(['Height', 'Batch', 'Width', 'Color']);
  });

  it('W-6 an unnamed marker takes CozyGen\'s default name, with its node id only when two would collide', () => {
    const graph = {
      '10': { class_type: 'CozyGenImageInput', inputs: { param_name: '', image_filename: 'x.png' } },
      '11': { class_type: 'ImageInvert', inputs: { image: ['10', 0] } },
      '12': saver('11'),
      '1': { class_type: 'EmptyImage', inputs: { width: ['3', 0], height: ['4', 0], batch_size: ['5', 0], color: 0 } },
      '2': saver('1'),
      '3': { class_type: 'CozyGenIntInput', inputs: { param_name: ' ', priority: 1 } },
      '4': { class_type: 'CozyGenIntInput', inputs: { param_name: '', priority: 2 } },
      '5': { class_type: 'CozyGenFloatInput', inputs: { param_name: '', priority: 3 } },
    };
    expect(names(graph)).toEqual(['Image Input', 'Int Parameter 3', 'Int Parameter 4', 'Float Parameter']);
  });

  it('W-6 a named marker keeps its name; the unnamed one that collides with it takes its node id', () => {
    const graph = {
      '10': { class_type: 'CozyGenImageInput', inputs: { param_name: '' } },
      '20': { class_type: 'CozyGenImageInput', inputs: { param_name: 'Image Input' } },
      '11': { class_type: 'ImageBlend', inputs: { image1: ['10', 0], image2: ['20', 0], blend_factor: 0.5, blend_mode: 'normal' } },
      '12': saver('11'),
    };
    expect(names(graph)).toEqual(['Image Input 10', 'Image Input']);
  });
});

describe('W-12, W-13, W-16, W-17 marker wiring', () => {
  it('W-12 a marker feeding nothing yields no field and a warning', () => {
    const { warnings } = parse('cozygen/neoncozygen-img2vid.json');
    expect(warnings).toEqual([
      { field: 'graph', message: 'node types the backend does not have: GetImageSizeAndCount, INTConstant, LayerUtility: BooleanOperator, Seed (rgthree), Switch any [Crystools], VHS_VideoCombine' },
      { field: 'graph.39', message: 'marker "Lora Low Strength" (node 39) feeds no node, so it has no field' },
      { field: 'graph.42', message: 'marker "Image Quality (CFG)" (node 42) feeds no node, so it has no field' },
    ]);
  });

  it('W-13 markers sharing a param_name and type form one field feeding all of them', () => {
    const graph = {
      '1': { class_type: 'EmptyImage', inputs: { width: ['5', 0], height: ['6', 0], batch_size: 1, color: 0 } },
      '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'x' } },
      '5': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Size', priority: 3, default_value: 64, min_value: 8, max_value: 512, step: 8 } },
      '6': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Size ', priority: 1, default_value: 32 } },
    };
    const result = parseWorkflow(graph, objectInfo);
    expect(result.ok && result.schema.fields).toEqual([
      { name: 'Size', label: 'Size', type: 'int', default: 64, min: 8, max: 512, step: 8, targets: [{ nodeId: '1', input: 'height' }, { nodeId: '1', input: 'width' }], markerNodeIds: ['5', '6'] },
    ]);
    expect(result.ok && result.warnings).toEqual([{ field: 'graph.5', message: `markers named "Size" have different defaults; using node 5's` }]);
  });

  it('W-16 randomize starts on only for seed-like fields', () => {
    expect(field('cozygen/cozygen-wan2-2-i2v-gguf-example.json', 'Seed').randomize).toEqual({ initial: true });
    expect(field('cozygen-min/cozygen-min-int-inputs.json', 'Color').randomize).toEqual({ initial: false });
    expect(field('cozygen/cozygen-flux-example.json', 'Steps').randomize).toBeUndefined();
  });

  it('W-17 a bypass switch lists the nodes it removes', () => {
    expect(field('cozygen/cozygen-flux-example.json', 'Lora 1').bypass).toEqual({ nodes: ['69'] });
    expect(field('cozygen/cozygen-qwen-image-edit-example.json', 'Lora 2').bypass).toEqual({ nodes: ['131'] });
    expect(field('cozygen/cozygen-flux-example.json', 'Model').bypass).toBeUndefined();
  });

  it('W-7/W-9 a default outside the limits is clamped with a warning', () => {
    const graph = {
      '1': { class_type: 'EmptyImage', inputs: { width: ['5', 0], height: 8, batch_size: 1, color: 0 } },
      '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'x' } },
      '5': { class_type: 'CozyGenDynamicInput', inputs: { param_name: 'W', param_type: 'INT', default_value: '0' } },
      '6': { class_type: 'CozyGenDynamicInput', inputs: { param_name: 'On', param_type: 'BOOLEAN', default_value: 'yes' } },
      '7': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: ['6', 0], color: 0 } },
    };
    const result = parseWorkflow(graph, objectInfo);
    expect(result.ok && result.warnings).toEqual([
      { field: 'graph.5', message: 'W: default 0 is outside 1…16384; using 1' },
      { field: 'graph.6', message: 'On: default "yes" is not true or false; using false' },
    ]);
  });

  it('names from Object.prototype are ordinary names, not crashes', () => {
    const graph = {
      '1': { class_type: 'constructor', inputs: { constructor: ['5', 0], toString: ['6', 0] } },
      '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'x' } },
      '5': { class_type: 'CozyGenDynamicInput', inputs: { param_name: 'hasOwnProperty', param_type: 'constructor', choice_type: 'constructor' } },
      '6': { class_type: 'CozyGenChoiceInput', inputs: { param_name: 'toString', choice_type: 'constructor' } },
    };
    const result = parseWorkflow(graph, objectInfo, { modelFolders: {} });
    expect(result.ok && result.schema.fields.map(({ name, type, choices, choiceSource }) => ({ name, type, choices, choiceSource }))).toEqual([
      { name: 'hasOwnProperty', type: 'string', choices: undefined, choiceSource: undefined },
      { name: 'toString', type: 'choice', choices: [], choiceSource: { kind: 'modelFolder', folder: 'constructor', listed: true } },
    ]);
    expect(result.ok && result.warnings[0]).toEqual({ field: 'graph', message: 'node types the backend does not have: constructor' });
  });

  it('refuses what W-1 refuses', () => {
    expect(parseWorkflow({ nodes: [], links: [] })).toEqual({ ok: false, errors: [{ field: 'graph', message: 'This is a UI-format export (top-level "nodes" and "links"): in ComfyUI use Export (API)' }] });
  });
});
