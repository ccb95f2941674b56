import { readFixtureJson } from '@test/fixtures';
import type { ApiNode } from './api-graph';
import { apiGraphSchema } from './api-graph';
import type { InputMarker } from './cozygen-nodes';
import { COZYGEN_MARKER_TYPES, isCozyGenMarker, isInputMarker, readInputMarker } from './cozygen-nodes';

function marker(classType: string, inputs: ApiNode['inputs'], nodeId = '7'): InputMarker | undefined {
  return readInputMarker(nodeId, { class_type: classType, inputs });
}

describe('W-5 the eight CozyGen marker types', () => {
  it('recognises exactly the eight class types', () => {
    expect([...COZYGEN_MARKER_TYPES].sort()).toEqual([
      'CozyGenChoiceInput',
      'CozyGenDynamicInput',
      'CozyGenFloatInput',
      'CozyGenImageInput',
      'CozyGenIntInput',
      'CozyGenOutput',
      'CozyGenStringInput',
      'CozyGenVideoOutput',
    ]);
    expect(isCozyGenMarker('CozyGenOutput')).toBe(true);
    expect(isInputMarker('CozyGenOutput')).toBe(false);
    expect(isInputMarker('CozyGenImageInput')).toBe(true);
    expect(isCozyGenMarker('cozygenintinput')).toBe(false);
    expect(readInputMarker('1', { class_type: 'KSampler', inputs: {} })).toBeUndefined();
  });

  it.each([
    ['CozyGenDynamicInput', { key: 'Dynamic Parameter', unnamed: true, priority: 0, type: 'string', defaultValue: '', min: undefined, max: undefined, step: undefined }],
    ['CozyGenFloatInput', { key: 'Float Parameter', unnamed: true, priority: 0, type: 'float', defaultValue: 1.0, min: 0, max: 1024, step: 0.1 }],
    ['CozyGenIntInput', { key: 'Int Parameter', unnamed: true, priority: 0, type: 'int', defaultValue: 1, min: 0, max: 9999999999, step: 1 }],
    ['CozyGenStringInput', { key: 'String Parameter', unnamed: true, priority: 0, type: 'string', defaultValue: '', multiline: false }],
    ['CozyGenChoiceInput', { key: 'Choice Parameter', unnamed: true, priority: 0, type: 'choice', defaultValue: undefined, bypassToggle: false }],
    ['CozyGenImageInput', { key: 'Image Input', unnamed: true, priority: 0, type: 'image', defaultValue: null }],
  ])('%s with every key absent takes the W-5 defaults', (classType, expected) => {
    expect(marker(classType, {})).toMatchObject({ ...expected, randomizeToggle: false, problems: [] });
  });

  it.each([
    ['Multiline', { Multiline: true }, true],
    ['multiline', { multiline: true }, true],
    ['display_multiline', { display_multiline: true }, true],
    ['"true" as text', { display_multiline: 'True' }, true],
    ['none', {}, false],
    ['false', { Multiline: false }, false],
  ])('multiline spelled %s', (_name, inputs, multiline) => {
    expect(marker('CozyGenDynamicInput', inputs)?.multiline).toBe(multiline);
  });

  it.each([
    ['step', { step: 16 }, 16],
    ['increment', { increment: 10 }, 10],
    ['both (step wins)', { step: 2, increment: 10 }, 2],
    ['neither', {}, undefined],
  ])('Dynamic step spelled %s', (_name, inputs, step) => {
    expect(marker('CozyGenDynamicInput', { param_type: 'INT', ...inputs })?.step).toBe(step);
  });

  it.each([
    ['value wins', { value: 'b.safetensors', default_choice: 'a.safetensors' }, 'b.safetensors'],
    ['default_choice when value is empty', { value: '', default_choice: 'a.safetensors' }, 'a.safetensors'],
    ['default_choice when value is None', { value: 'None', default_choice: 'a.safetensors' }, 'a.safetensors'],
    ['first choice when both are None', { value: 'None', default_choice: 'None' }, undefined],
  ])('W-8 Choice default: %s', (_name, inputs, defaultValue) => {
    expect(marker('CozyGenChoiceInput', inputs)?.defaultValue).toBe(defaultValue);
  });

  it.each([
    ['STRING', 'string'],
    ['INT', 'int'],
    ['FLOAT', 'float'],
    ['BOOLEAN', 'boolean'],
    ['DROPDOWN', 'choice'],
  ])('W-6 param_type %s → %s', (paramType, type) => {
    expect(marker('CozyGenDynamicInput', { param_type: paramType })?.type).toBe(type);
  });

  it('reads an unknown param_type as STRING and says so', () => {
    expect(marker('CozyGenDynamicInput', { param_type: 'VECTOR' })).toMatchObject({ type: 'string', problems: ['unknown param_type "VECTOR", read as STRING'] });
  });

  it('a Dynamic DROPDOWN without default_value starts on the first choice', () => {
    expect(marker('CozyGenDynamicInput', { param_type: 'DROPDOWN', default_value: '' })?.defaultValue).toBeUndefined();
    expect(marker('CozyGenDynamicInput', { param_type: 'DROPDOWN', default_value: 'euler' })?.defaultValue).toBe('euler');
  });

  it('W-6 trims param_name; a linked or blank one falls back to the node\'s default name', () => {
    expect(marker('CozyGenIntInput', { param_name: '  Width  ' })).toMatchObject({ key: 'Width', unnamed: false });
    expect(marker('CozyGenIntInput', { param_name: '   ' }, '57')).toMatchObject({ key: 'Int Parameter', unnamed: true });
    expect(marker('CozyGenIntInput', { param_name: ['3', 0] }, '57')).toMatchObject({ key: 'Int Parameter', unnamed: true });
  });

  it('reads the real Wan export: string default "81", 2^64 seed max, increment, priority', () => {
    const graph = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-wan2-2-i2v-gguf-example.json'));
    expect(readInputMarker('119', graph['119']!)).toMatchObject({ key: 'Length', priority: 14, type: 'int', defaultValue: '81', min: undefined, max: undefined });
    expect(readInputMarker('116', graph['116']!)).toMatchObject({ key: 'Seed', type: 'int', max: 18446744073709552000, step: 10, randomizeToggle: true });
    expect(readInputMarker('124', graph['124']!)).toMatchObject({ key: 'Prompt', priority: 1, multiline: true });
  });

  it('reads an older export without add_randomize_toggle and display_bypass', () => {
    const graph = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-i2i-example.json'));
    expect(readInputMarker('28', graph['28']!)).toMatchObject({ key: 'ckpt_name', type: 'choice', defaultValue: 'SDXL\\juggernautXL_ragnarokBy.safetensors', choiceType: 'checkpoints', randomizeToggle: false, bypassToggle: false });
  });
});
