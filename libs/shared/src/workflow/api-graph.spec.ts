import { readFixtureJson, readFixtureText } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import { apiGraphSchema, parseGraphJson } from './api-graph';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));

const FIXTURES = [
  'cozygen/cozygen-flux-example.json',
  'cozygen/cozygen-i2i-example.json',
  'cozygen/cozygen-qwen-image-edit-example.json',
  'cozygen/cozygen-wan2-2-i2v-gguf-example.json',
  'cozygen/cozygen-wan2-2-t2v-gguf-example.json',
  'cozygen/neoncozygen-img2vid.json',
  'cozygen/neoncozygen-img2vid-dual-lora.json',
  'cozygen/neoncozygen-img2vid-multi-lora.json',
  'cozygen/neoncozygen-tx2image-wan.json',
  'cozygen-min/cozygen-min-dynamic-inputs.json',
  'cozygen-min/cozygen-min-image-input.json',
  'cozygen-min/cozygen-min-int-inputs.json',
  'plain/model-free-invert.json',
  'plain/sd15-txt2img.json',
  'plain/sd15-txt2img-lora-chain.json',
];

function save(images: unknown = ['1', 0]): Record<string, unknown> {
  return { class_type: 'SaveImage', inputs: { images, filename_prefix: 'x' } };
}

function errorsOf(text: string): { field: string; message: string }[] {
  const result = parseGraphJson(text, objectInfo);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('W-1 import of real API-format files', () => {
  it.each(FIXTURES)('%s parses, with and without /object_info', (file) => {
    const text = readFixtureText(`workflows/${file}`);
    const withInfo = parseGraphJson(text, objectInfo);
    const without = parseGraphJson(text);
    expect(withInfo.ok && without.ok).toBe(true);
    if (!withInfo.ok) return;
    expect(Object.keys(withInfo.graph)).toEqual(Object.keys(JSON.parse(text) as object));
    expect(apiGraphSchema.safeParse(withInfo.graph).success).toBe(true);
  });

  it('keeps object-valued inputs (rgthree Power Lora Loader) as literals', () => {
    const result = parseGraphJson(readFixtureText('workflows/cozygen/neoncozygen-tx2image-wan.json'));
    expect(result.ok && result.graph['130']?.inputs.lora_1).toEqual({ on: true, lora: 'Wan2.2-Lightning_T2V-v1.1-A14B-4steps-lora_LOW_fp16.safetensors', strength: 1 });
  });
});

describe('W-1 named problems', () => {
  it('reports invalid JSON with line and column', () => {
    expect(errorsOf('{\n  "1": {"class_type": "SaveImage",\n  "inputs": }\n}')).toEqual([
      { field: 'graph', message: 'Invalid JSON at line 3, column 13: unexpected character "}"' },
    ]);
  });

  it('recognises a UI-format export', () => {
    expect(errorsOf(JSON.stringify({ last_node_id: 9, nodes: [{ id: 1, type: 'KSampler' }], links: [[1, 1, 0, 2, 0, 'MODEL']], version: 0.4 }))).toEqual([
      { field: 'graph', message: 'This is a UI-format export (top-level "nodes" and "links"): in ComfyUI use Export (API)' },
    ]);
  });

  it.each([
    ['not an object', '[1, 2]', [{ field: 'graph', message: 'A workflow must be a JSON object of node id → node (ComfyUI API format)' }]],
    ['no nodes', '{}', [{ field: 'graph', message: 'The workflow has no nodes' }]],
    [
      'a node without class_type or inputs',
      JSON.stringify({ '1': { inputs: {} }, '2': { class_type: 'VAEDecode' }, '3': save() }),
      [
        { field: 'graph.1.class_type', message: 'node 1 has no class_type' },
        { field: 'graph.2.inputs', message: 'node 2 has no inputs' },
      ],
    ],
    [
      'a link to a missing node',
      JSON.stringify({ '1': { class_type: 'EmptyImage', inputs: { width: 8 } }, '3': save(['99', 0]) }),
      [{ field: 'graph.3.inputs.images', message: 'input images of node 3 links to missing node 99' }],
    ],
    [
      'a non-integer slot',
      JSON.stringify({ '1': { class_type: 'EmptyImage', inputs: {} }, '3': save(['1', 0.5]) }),
      [{ field: 'graph.3.inputs.images', message: 'input images of node 3 links to node 1 with slot 0.5, not a non-negative integer' }],
    ],
    [
      'an array that is not a link',
      JSON.stringify({ '1': { class_type: 'EmptyImage', inputs: {} }, '3': save([1, 0]) }),
      [{ field: 'graph.3.inputs.images', message: 'input images of node 3 is not a link [nodeId, slot]' }],
    ],
    [
      'a cycle',
      JSON.stringify({ '1': { class_type: 'ImageInvert', inputs: { image: ['2', 0] } }, '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } }, '3': save() }),
      [{ field: 'graph', message: 'The graph has a cycle: 1 → 2 → 1' }],
    ],
    [
      'a node linking to itself',
      JSON.stringify({ '1': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } }, '3': save() }),
      [{ field: 'graph', message: 'The graph has a cycle: 1 → 1' }],
    ],
    [
      'no output node',
      JSON.stringify({ '1': { class_type: 'EmptyImage', inputs: {} }, '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } } }),
      [{ field: 'graph', message: 'The workflow has no output node (such as SaveImage or CozyGenOutput)' }],
    ],
    [
      'one param_name with two types (W-13)',
      JSON.stringify({
        '1': { class_type: 'EmptyImage', inputs: { width: ['5', 0], height: ['6', 0] } },
        '3': save(),
        '5': { class_type: 'CozyGenIntInput', inputs: { param_name: 'Size', default_value: 64 } },
        '6': { class_type: 'CozyGenDynamicInput', inputs: { param_name: ' Size ', param_type: 'STRING' } },
      }),
      [{ field: 'graph.6.inputs.param_name', message: 'param_name "Size" is used with different types: int (node 5), string (node 6)' }],
    ],
  ])('%s', (_name, text, errors) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it.each([
    ['a node id', '{"__proto__": {"class_type": "SaveImage", "inputs": {}}, "3": {"class_type": "SaveImage", "inputs": {}}}', { field: 'graph', message: 'node id "__proto__" is not allowed' }],
    ['an input name', '{"3": {"class_type": "SaveImage", "inputs": {"__proto__": {"x": 1}}}}', { field: 'graph.3.inputs', message: 'input name "__proto__" of node 3 is not allowed' }],
    [
      'a param_name',
      '{"3": {"class_type": "SaveImage", "inputs": {"images": ["5", 0]}}, "5": {"class_type": "CozyGenImageInput", "inputs": {"param_name": "__proto__"}}}',
      { field: 'graph.5.inputs.param_name', message: 'param_name "__proto__" is not allowed' },
    ],
  ])('refuses "__proto__" as %s', (_name, text, error) => {
    expect(errorsOf(text)).toEqual([error]);
  });

  it('counts an output node only when /object_info says so', () => {
    const text = JSON.stringify({ '1': { class_type: 'EmptyImage', inputs: {} }, '2': { class_type: 'MaskPreview', inputs: { mask: ['1', 0] } } });
    expect(parseGraphJson(text, objectInfo).ok).toBe(true);
    expect(parseGraphJson(text).ok).toBe(false);
  });
});
