import { readFixtureJson } from '@test/fixtures';
import { comboOptions, findInputSpec, inputOptions, inputType, parseObjectInfo } from './object-info';

describe('parseObjectInfo on a real 0.8.0 capture', () => {
  const { objectInfo, skipped } = parseObjectInfo(readFixtureJson('object-info-full.json'));

  it('keeps all 445 node classes', () => {
    expect(skipped).toEqual([]);
    expect(Object.keys(objectInfo)).toHaveLength(445);
  });

  it.each([
    ['KSampler', 'seed', 'INT', undefined],
    ['KSampler', 'sampler_name', 'COMBO', 'euler'],
    ['CheckpointLoaderSimple', 'ckpt_name', 'COMBO', 'sdxl/sd_xl_base_1.0.safetensors'],
    ['CLIPTextEncode', 'text', 'STRING', undefined],
    ['SaveImage', 'images', 'IMAGE', undefined],
  ])('%s.%s is %s', (classType, input, type, firstChoice) => {
    const info = objectInfo[classType];
    if (!info) throw new Error(`missing ${classType}`);
    const spec = findInputSpec(info, input);
    if (!spec) throw new Error(`missing ${classType}.${input}`);
    expect(inputType(spec)).toBe(type);
    expect(comboOptions(spec)?.[0]).toBe(firstChoice);
  });

  it('reads numeric bounds and multiline flags', () => {
    const steps = findInputSpec(objectInfo.KSampler!, 'steps')!;
    expect(inputOptions(steps)).toMatchObject({ default: 20, min: 1, max: 10000 });
    expect(inputOptions(findInputSpec(objectInfo.CLIPTextEncode!, 'text')!)).toMatchObject({ multiline: true, dynamicPrompts: true });
  });
});

describe('parseObjectInfo on bad data', () => {
  it('skips an entry that does not parse and keeps the rest', () => {
    const { objectInfo, skipped } = parseObjectInfo({
      Good: { input: { required: { x: ['INT', { min: 0 }] } }, output: ['INT'], output_name: ['INT'], name: 'Good', output_node: false },
      Bad: { input: 'nope' },
    });
    expect(Object.keys(objectInfo)).toEqual(['Good']);
    expect(skipped.map((s) => s.classType)).toEqual(['Bad']);
  });

  it.each([
    [['COMBO', { options: ['a', 'b'] }], ['a', 'b']],
    [['COMFY_DYNAMICCOMBO_V3', { options: [{ key: 'scale width', inputs: {} }, { key: 'match size' }] }], ['scale width', 'match size']],
    [[['x', 'y'], {}], ['x', 'y']],
    [['INT', { min: 1 }], undefined],
  ] as const)('reads choices of %j', (spec, choices) => {
    expect(comboOptions(spec as Parameters<typeof comboOptions>[0])).toEqual(choices);
  });

  it.each([null, [], 'x'])('reports a non-object answer (%p)', (data) => {
    expect(parseObjectInfo(data).skipped).toHaveLength(1);
  });
});

describe('findInputSpec', () => {
  it('finds only inputs the node declares, never Object.prototype members', () => {
    const info = parseObjectInfo({
      N: { input: { required: { x: ['INT', {}] } }, output: [], output_name: [], name: 'N', output_node: true },
    }).objectInfo.N!;
    expect(findInputSpec(info, 'x')).toEqual(['INT', {}]);
    expect(findInputSpec(info, 'constructor')).toBeUndefined();
    expect(findInputSpec(info, 'toString')).toBeUndefined();
  });
});
