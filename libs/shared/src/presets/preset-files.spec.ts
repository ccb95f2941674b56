import { fileTime } from './portable-preset';
import { jsonBytes, presetNameKey } from './preset-limits';
import { exportPresetsFile, readPresetsFile, workflowFileKey, type ExportablePreset } from './preset-files';

const T1 = Date.UTC(2024, 0, 2, 3, 4, 5);
const T2 = Date.UTC(2024, 5, 1, 12, 0, 0);

describe('P-4 export', () => {
  const presets: ExportablePreset[] = [
    { name: 'Night walk', values: { Prompt: 'city at night', Steps: 30, 'Lora 1': null }, createdAt: T1, updatedAt: T2 },
    { name: 'Fox', values: { Prompt: 'a fox', hires: true }, createdAt: T1, updatedAt: T1 },
  ];

  it('writes the cozy-presets format with ISO times', () => {
    expect(exportPresetsFile({ name: 'Flux example', version: 3 }, presets)).toEqual({
      format: 'cozy-presets',
      version: 1,
      workflow: { name: 'Flux example', version: 3 },
      presets: [
        { name: 'Night walk', values: { Prompt: 'city at night', Steps: 30, 'Lora 1': null }, created: '2024-01-02T03:04:05.000Z', updated: '2024-06-01T12:00:00.000Z' },
        { name: 'Fox', values: { Prompt: 'a fox', hires: true }, created: '2024-01-02T03:04:05.000Z', updated: '2024-01-02T03:04:05.000Z' },
      ],
    });
  });

  it('reads its own export back unchanged (round trip through JSON)', () => {
    const file: unknown = JSON.parse(JSON.stringify(exportPresetsFile({ name: 'Flux example', version: 3 }, presets)));
    expect(readPresetsFile(file, 'Flux example')).toEqual({
      ok: true,
      format: 'cozy-presets',
      presets: presets.map(({ name, values, createdAt, updatedAt }) => ({ name, values, created: createdAt, updated: updatedAt })),
      notices: [],
    });
  });

  it('imports an export of another workflow with a notice', () => {
    const file = exportPresetsFile({ name: 'Other', version: 1 }, presets);
    const result = readPresetsFile(file, 'Flux example');
    expect(result.ok && result.notices).toEqual([{ preset: '', problem: 'other-workflow', message: 'the presets were exported from workflow "Other"' }]);
  });
});

describe('P-4 CozyGen workflow_presets.json', () => {
  const v2 = {
    version: 2,
    users: {
      alice: {
        workflows: {
          'Flux_Example.json': [
            { id: 'a1', name: 'Portrait', values: { Prompt: 'portrait', Steps: 20, 'Image Input': 'output::CozyGen::ComfyUI_00012_.png' }, created: 1704164645, updated: 1704164645 },
            { id: 'a2', name: 'Bad values', values: ['not', 'an', 'object'] },
          ],
          'other.json': [{ id: 'a3', name: 'Elsewhere', values: { Prompt: 'x' } }],
        },
      },
      bob: {
        workflows: {
          'flux example.json': [
            { id: 'b1', name: 'portrait', values: { Prompt: 'newer portrait' }, created: 1704164645, updated: 1717243200 },
            { id: 'b2', name: '   ', values: {} },
            { id: 'b3', name: 'Nested', values: { Prompt: 'y', Loras: [1, 2], __proto__x: 1 } },
          ],
        },
      },
    },
  };

  it('takes every user\'s presets for the file matching the workflow; drops output images, bad entries and repeats with notices', () => {
    expect(readPresetsFile(v2, 'flux-example')).toEqual({
      ok: true,
      format: 'cozygen-v2',
      presets: [
        { name: 'portrait', values: { Prompt: 'newer portrait' }, created: 1704164645000, updated: 1717243200000 },
        { name: 'Nested', values: { Prompt: 'y', __proto__x: 1 } },
      ],
      notices: [
        { preset: 'Portrait', problem: 'output-image', message: 'Image Input: left out, a CozyGen output image (output::CozyGen::ComfyUI_00012_.png)' },
        { preset: 'Bad values', problem: 'invalid-values', message: 'left out: its values are not an object of field → value' },
        { preset: '   ', problem: 'invalid-name', message: 'left out: a preset name must be 1–80 characters' },
        { preset: 'Nested', problem: 'unsupported-value', message: 'Loras: left out, not a text, number, switch or empty value' },
        { preset: 'portrait', problem: 'duplicate', message: 'the name appears more than once; the last updated one was taken' },
      ],
    });
  });

  it('reads the older {"workflows": …} shape, and a file chosen by name', () => {
    const v1 = { workflows: { 'txt2img.json': [{ name: 'Fast', values: { Steps: 4 } }] } };
    expect(readPresetsFile(v1, 'Some other name', { file: 'txt2img.json' })).toEqual({ ok: true, format: 'cozygen', presets: [{ name: 'Fast', values: { Steps: 4 } }], notices: [] });
  });

  it('keeps a value named __proto__ as an ordinary field', () => {
    const file = JSON.parse('{"workflows":{"a.json":[{"name":"P","values":{"__proto__":"x"}}]}}') as unknown;
    const result = readPresetsFile(file, 'a');
    expect(result.ok && Object.keys(result.presets[0]?.values ?? {})).toEqual(['__proto__']);
  });

  it.each([
    ['no file for the workflow', v2, 'Text to image', 'no presets for workflow "Text to image"; it holds Flux_Example.json, other.json, flux example.json (choose one with ?file=)'],
    ['an empty CozyGen file', { workflows: {} }, 'x', 'no presets for workflow "x"; it holds none (choose one with ?file=)'],
  ])('refuses %s, naming the files it has', (_case, body, workflow, message) => {
    expect(readPresetsFile(body, workflow)).toEqual({ ok: false, errors: [{ field: 'workflows', message }] });
  });

  it.each([[[]], ['text'], [{ presets: [] }], [{ version: 2, users: { a: { workflows: { 'x.json': 'nope' } } } }]])('refuses another shape %j', (body) => {
    const result = readPresetsFile(body, 'x');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.field).toBe('body');
  });
});

describe('P-4 helpers', () => {
  it.each([
    ['Text_to-Image.json', 'text to image'],
    ['presets/Flux  Example.JSON', 'flux example'],
    ['C:\\flows\\sd15.json', 'sd15'],
    ['Text to image', 'text to image'],
  ])('workflowFileKey(%j) = %j', (name, key) => {
    expect(workflowFileKey(name)).toBe(key);
  });

  it.each([
    [1704164645, 1704164645000],
    [1704164645123, 1704164645123],
    ['2024-01-02T03:04:05.000Z', 1704164645000],
    ['yesterday', undefined],
    [-5, undefined],
    [null, undefined],
  ])('fileTime(%j) = %j', (value, ms) => {
    expect(fileTime(value)).toBe(ms);
  });

  it.each([
    [{ Prompt: 'fox' }, 16],
    ['é', 4],
    ['😀', 6],
  ])('jsonBytes(%j) = %j', (value, bytes) => {
    expect(jsonBytes(value)).toBe(bytes);
  });

  it('compares names ignoring case and outer spaces (P-1)', () => {
    expect(presetNameKey('  Night Walk ')).toBe(presetNameKey('night walk'));
  });
});
