import { readFixtureJson } from '@test/fixtures';
import type { ObjectInfo } from '../comfy/object-info';
import { comboOptions, findInputSpec, inputOptions, inputType, parseObjectInfo } from '../comfy/object-info';
import type { FormSchema, FormValues } from '../form/field-types';
import { resolveValues } from '../form/resolve-values';
import { validateValues } from '../form/validate-values';
import type { ApiGraph } from './api-graph';
import { apiGraphSchema } from './api-graph';
import { checkGraph } from './check-graph';
import type { CompileGraphInput } from './compile-graph';
import { compileGraph } from './compile-graph';
import { isLink } from './graph-nodes';
import { parseWorkflow } from './parse-workflow';

const JOB = '0b6c2f3e-5d1a-4b8e-9f00-1234567890ab';
const full = parseObjectInfo(readFixtureJson('object-info-full.json')).objectInfo;

/** The stock catalogue plus the model files the all-core CozyGen examples name (as the stand-in fakes them). */
function withModels(info: ObjectInfo): ObjectInfo {
  const list = (names: string[]): [string[]] => [names];
  const clips = list(['clip_l.safetensors', 't5xxl_fp16.safetensors']);
  return {
    ...info,
    UNETLoader: { ...info.UNETLoader!, input: { ...info.UNETLoader!.input, required: { ...info.UNETLoader!.input.required, unet_name: list(['Flux/flux1-krea-dev_fp8_scaled.safetensors']) } } },
    DualCLIPLoader: { ...info.DualCLIPLoader!, input: { ...info.DualCLIPLoader!.input, required: { ...info.DualCLIPLoader!.input.required, clip_name1: clips, clip_name2: clips } } },
  };
}
const objectInfo = withModels(full);

/**
 * What ComfyUI's validation would refuse: unknown classes or inputs, missing required inputs, links
 * to missing nodes or slots or of the wrong type, literals of the wrong type, out of range or off-list.
 */
function problemsRunning(graph: ApiGraph, info: ObjectInfo): string[] {
  return Object.entries(graph).flatMap(([nodeId, node]) => {
    const nodeInfo = info[node.class_type];
    if (!nodeInfo) return [`${nodeId}: unknown class ${node.class_type}`];
    const missing = Object.keys(nodeInfo.input.required ?? {}).filter((input) => !(input in node.inputs)).map((input) => `${nodeId}.${input}: missing`);
    return [
      ...missing,
      ...Object.entries(node.inputs).flatMap(([input, value]) => {
        const spec = findInputSpec(nodeInfo, input);
        if (!spec) return [`${nodeId}.${input}: not an input of ${node.class_type}`];
        const type = inputType(spec);
        if (isLink(value)) {
          const source = graph[value[0]];
          const output = source && info[source.class_type]?.output[value[1]];
          if (output === undefined) return [`${nodeId}.${input}: links to missing node or slot ${value.join(':')}`];
          const outputType = Array.isArray(output) ? 'COMBO' : output;
          return outputType === type || outputType === '*' || type === '*' ? [] : [`${nodeId}.${input}: ${outputType} into ${type}`];
        }
        const { min, max } = inputOptions(spec);
        const number = typeof value === 'number' ? value : NaN;
        const fits: Record<string, boolean> = {
          INT: Number.isInteger(number) && !(number < (min ?? -Infinity)) && !(number > (max ?? Infinity)),
          FLOAT: Number.isFinite(number) && !(number < (min ?? -Infinity)) && !(number > (max ?? Infinity)),
          STRING: typeof value === 'string',
          BOOLEAN: typeof value === 'boolean',
          COMBO: (node.class_type === 'LoadImage' && input === 'image') || (comboOptions(spec) ?? []).some((option) => option === value),
        };
        return fits[type] === false ? [`${nodeId}.${input}: ${JSON.stringify(value)} is not a valid ${type}`] : [];
      }),
    ];
  });
}

interface Prepared {
  graph: ApiGraph;
  schema: FormSchema;
  values: FormValues;
}

function prepare(raw: unknown, given: Record<string, unknown> = {}, bypass: string[] = [], info: ObjectInfo | undefined = objectInfo): Prepared {
  const checked = checkGraph(raw, info);
  const parsed = parseWorkflow(raw, info);
  if (!checked.ok || !parsed.ok) throw new Error('workflow does not parse');
  const images = Object.fromEntries(parsed.schema.fields.filter((field) => field.type === 'image').map((field) => [field.name, `upload-${field.name}`]));
  const validated = validateValues(parsed.schema, { ...images, ...given }, { bypass });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const resolved = resolveValues(parsed.schema, validated.values, { randomize: [], bypass, random: () => 0.5 });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
  return { graph: checked.graph, schema: parsed.schema, values: resolved.values };
}

function uploadsFor(schema: FormSchema): Record<string, string> {
  return Object.fromEntries(schema.fields.filter((field) => field.type === 'image').map((field) => [field.name, `cg/${JOB}/${field.name.replaceAll(' ', '_')}.png`]));
}

function compile(file: string, options: Partial<CompileGraphInput> & { given?: Record<string, unknown> } = {}): ReturnType<typeof compileGraph> {
  const { given, ...rest } = options;
  const prepared = prepare(readFixtureJson(`workflows/${file}`), given, [...(rest.bypass ?? [])], 'objectInfo' in rest ? rest.objectInfo : objectInfo);
  return compileGraph({ ...prepared, bypass: [], jobId: JOB, objectInfo, uploads: uploadsFor(prepared.schema), ...rest });
}

function compiled(file: string, options: Partial<CompileGraphInput> & { given?: Record<string, unknown> } = {}): ApiGraph {
  const result = compile(file, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.graph;
}

describe('W-20 every all-core fixture compiles to a graph ComfyUI accepts', () => {
  it.each([
    ['cozygen/cozygen-flux-example.json', ['65:SaveImage'], ['output']],
    ['cozygen/cozygen-i2i-example.json', ['21:SaveImage'], ['output']],
    ['cozygen-min/cozygen-min-dynamic-inputs.json', ['2:SaveImage'], ['min-dynamic']],
    ['cozygen-min/cozygen-min-image-input.json', ['3:SaveImage', '4:PreviewImage'], ['min-image']],
    ['cozygen-min/cozygen-min-int-inputs.json', ['3:SaveImage'], ['min-int']],
    ['plain/model-free-invert.json', ['3:SaveImage'], ['plain-invert']],
    ['plain/sd15-txt2img.json', ['9:SaveImage'], ['sd15-txt2img']],
    ['plain/sd15-txt2img-lora-chain.json', ['9:SaveImage'], ['sd15-lora']],
  ])('%s', (file, outputs, stems) => {
    const result = compile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(problemsRunning(result.graph, objectInfo)).toEqual([]);
    expect(Object.values(result.graph).filter((node) => node.class_type.startsWith('CozyGen'))).toEqual([]);
    expect(result.outputs.map((output) => `${output.nodeId}:${output.classType}`)).toEqual(outputs);
    const prefixes = Object.values(result.graph).flatMap((node) => (typeof node.inputs.filename_prefix === 'string' ? [node.inputs.filename_prefix] : []));
    expect(prefixes).toEqual(stems.map((stem) => `cg/${JOB}/${stem}`));
  });

  it('the smallest case, whole: markers become literals, CozyGenOutput becomes SaveImage', () => {
    expect(compiled('cozygen-min/cozygen-min-int-inputs.json', { given: { Color: 255 } })).toEqual({
      '1': { class_type: 'EmptyImage', inputs: { width: 128, height: 96, batch_size: 1, color: 255 }, _meta: { title: 'EmptyImage' } },
      '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] }, _meta: { title: 'Invert Image' } },
      '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: `cg/${JOB}/min-int` }, _meta: { title: 'CozyGen Output' } },
    });
  });

  it('CozyGenImageInput becomes LoadImage with the same id naming the upload', () => {
    expect(compiled('cozygen-min/cozygen-min-image-input.json')['1']).toEqual({ class_type: 'LoadImage', inputs: { image: `cg/${JOB}/Source_Image.png` }, _meta: { title: 'CozyGen Image Input' } });
  });

  it('an image field without an upload fails', () => {
    expect(compile('cozygen-min/cozygen-min-image-input.json', { uploads: {} })).toEqual({ ok: false, errors: [{ field: 'values.Source Image', message: 'Image required' }] });
  });

  it('writes plain-field values over the literals they came from', () => {
    const graph = compiled('plain/sd15-txt2img.json', { given: { '6.text': 'a red fox', '3.seed': 42, '3.sampler_name': 'euler' } });
    expect(graph['6']?.inputs.text).toBe('a red fox');
    expect(graph['3']?.inputs).toMatchObject({ seed: 42, sampler_name: 'euler', steps: 25 });
  });

  it('same inputs → byte-identical JSON, and the inputs are not changed', () => {
    const raw = readFixtureJson('workflows/cozygen/cozygen-flux-example.json');
    const prepared = prepare(raw);
    const before = JSON.stringify(prepared);
    const input = { ...prepared, bypass: ['Lora 2'], jobId: JOB, objectInfo };
    expect(JSON.stringify(compileGraph(input))).toBe(JSON.stringify(compileGraph(input)));
    expect(JSON.stringify(prepared)).toBe(before);
  });

  it('fails listing the class types the backend lacks', () => {
    expect(compile('cozygen/cozygen-wan2-2-t2v-gguf-example.json')).toEqual({ ok: false, errors: [{ field: 'graph', message: 'the backend lacks node types: ImageFromBatch+, UnetLoaderGGUF' }] });
  });

  it('rejects a job id that cannot name a folder', () => {
    expect(compile('plain/model-free-invert.json', { jobId: '../x' })).toEqual({ ok: false, errors: [{ field: 'jobId', message: 'job id must be 1–64 letters, digits, "_" or "-"' }] });
  });
});

describe('W-17 bypass at compile time', () => {
  it('bypassing "Lora 1" in the Flux example connects LoRA 2 to the model loader and drops its markers', () => {
    const result = compile('cozygen/cozygen-flux-example.json', { bypass: ['Lora 1'] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.graph['70']?.inputs).toEqual({ lora_name: 'detail-tweaker-sd15.safetensors', strength_model: 1, model: ['38', 0] });
    expect(Object.keys(result.graph)).toEqual(['8', '27', '31', '38', '39', '40', '42', '45', '65', '70', '71']);
    expect(problemsRunning(result.graph, objectInfo)).toEqual([]);
  });

  const markedChain = (): ApiGraph => {
    const graph = apiGraphSchema.parse(readFixtureJson('workflows/plain/sd15-txt2img-lora-chain.json'));
    graph['10']!.inputs.lora_name = ['20', 0];
    graph['11']!.inputs.lora_name = ['21', 0];
    graph['20'] = { class_type: 'CozyGenChoiceInput', inputs: { param_name: 'Lora 1', priority: 1, choice_type: 'loras', default_choice: 'detail-tweaker-sd15.safetensors', display_bypass: true } };
    graph['21'] = { class_type: 'CozyGenChoiceInput', inputs: { param_name: 'Lora 2', priority: 2, choice_type: 'loras', default_choice: 'None', display_bypass: true } };
    return graph;
  };

  it.each([
    [['Lora 1'], { '11.model': ['4', 0], '11.clip': ['4', 1], '3.model': ['11', 0] }],
    [['Lora 2'], { '10.model': ['4', 0], '3.model': ['10', 0], '6.clip': ['10', 1] }],
    [['Lora 1', 'Lora 2'], { '3.model': ['4', 0], '6.clip': ['4', 1], '7.clip': ['4', 1] }],
  ])('checkpoint → LoRA 1 → LoRA 2 with %j bypassed', (bypass, links) => {
    const prepared = prepare(markedChain(), {}, bypass);
    const result = compileGraph({ ...prepared, bypass, jobId: JOB, objectInfo });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    for (const [path, link] of Object.entries(links)) {
      const [nodeId = '', input = ''] = path.split('.');
      expect([path, result.graph[nodeId]?.inputs[input]]).toEqual([path, link]);
    }
    expect(problemsRunning(result.graph, objectInfo)).toEqual([]);
  });

  it('no matching input → the compile error names node and slot', () => {
    const raw = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-flux-example.json'));
    raw['56']!.inputs.display_bypass = true;
    const prepared = prepare(raw, {}, ['VAE']);
    expect(compileGraph({ ...prepared, bypass: ['VAE'], jobId: JOB, objectInfo })).toEqual({
      ok: false,
      errors: [{ field: 'bypass.VAE', message: 'cannot bypass node 39 (VAELoader): no input matches output 0 VAE' }],
    });
  });

  it('rejects a bypass of a field without the switch', () => {
    const prepared = prepare(readFixtureJson('workflows/plain/sd15-txt2img.json'));
    expect(compileGraph({ ...prepared, bypass: ['3.seed'], jobId: JOB, objectInfo })).toEqual({ ok: false, errors: [{ field: 'bypass.3.seed', message: 'field has no bypass switch' }] });
  });
});

describe('W-20 step 4 video outputs, compiled without /object_info', () => {
  it('mp4 → CreateVideo + SaveVideo; a shared prefix field names both savers', () => {
    const result = compile('cozygen/cozygen-wan2-2-t2v-gguf-example.json', { objectInfo: undefined, given: { 'Frame Rate': 12 } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.graph['118']).toEqual({ class_type: 'SaveVideo', inputs: { video: ['130', 0], filename_prefix: `cg/${JOB}/cozy_`, format: 'mp4', codec: 'h264' }, _meta: { title: 'CozyGenVideoOutput' } });
    expect(result.graph['130']).toEqual({ class_type: 'CreateVideo', inputs: { images: ['87', 0], fps: 12 }, _meta: { title: 'Create Video' } });
    expect(result.graph['129']?.inputs.filename_prefix).toBe(`cg/${JOB}/cozy_`);
    expect(result.graph['74']?.inputs).toMatchObject({ width: 720, height: 720, length: 81 });
    expect(result.outputs).toEqual([{ nodeId: '118', classType: 'SaveVideo' }, { nodeId: '129', classType: 'SaveImage' }]);
    expect(result.postprocess).toEqual([]);
  });

  it('a GIF with ping-pong is made by ingest from a SaveWEBM file', () => {
    const raw = apiGraphSchema.parse(readFixtureJson('workflows/cozygen-min/cozygen-min-int-inputs.json'));
    raw['3'] = { class_type: 'CozyGenVideoOutput', inputs: { images: ['2', 0], frame_rate: 10, loop_count: 0, filename_prefix: 'CozyGen/anim', format: 'image/gif', pingpong: true } };
    const prepared = prepare(raw);
    const result = compileGraph({ ...prepared, bypass: [], jobId: JOB, objectInfo });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.graph['3']?.inputs).toEqual({ images: ['2', 0], filename_prefix: `cg/${JOB}/anim`, codec: 'vp9', fps: 10, crf: 32 });
    expect(result.postprocess).toEqual([{ nodeId: '3', format: 'image/gif', frameRate: 10, loopCount: 0, pingpong: true }]);
    expect(problemsRunning(result.graph, objectInfo)).toEqual([]);
  });
});

describe('A-6 literal text of other nodes is transformed, COMBO inputs and form values are not', () => {
  it('calls transformLiteralText for non-COMBO literal strings only', () => {
    const raw = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-i2i-example.json'));
    raw['7']!.inputs.text = 'ugly, $negative$';
    const prepared = prepare(raw, { Prompt: 'a $hero$' });
    const calls: string[] = [];
    const result = compileGraph({
      ...prepared,
      bypass: [],
      jobId: JOB,
      objectInfo,
      uploads: uploadsFor(prepared.schema),
      transformLiteralText: (text, nodeId, input) => {
        calls.push(`${nodeId}.${input}`);
        return text.replace('$negative$', 'blurry');
      },
    });
    expect(calls).toEqual(['7.text']);
    expect(result.ok && [result.graph['6']?.inputs.text, result.graph['7']?.inputs.text]).toEqual(['a $hero$', 'ugly, blurry']);
  });
});
