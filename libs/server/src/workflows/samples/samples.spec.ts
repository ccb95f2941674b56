import { parseObjectInfo } from '@app/shared/comfy/object-info';
import { compileGraph } from '@app/shared/workflow/compile-graph';
import { parseWorkflow } from '@app/shared/workflow/parse-workflow';
import { validateValues } from '@app/shared/form/validate-values';
import { readFixtureJson } from '@test/fixtures';
import { sampleWorkflows } from './index';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));
const modelFolders = { checkpoints: ['sdxl/sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'] };

describe('W-4 sample workflows', () => {
  it.each(sampleWorkflows().map((s) => [s.name, s] as const))('%s parses and compiles with defaults on a stock ComfyUI', (_name, sample) => {
    const parsed = parseWorkflow(sample.graph, objectInfo, { modelFolders });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.warnings).toEqual([]);
    const imageField = parsed.schema.fields.find((f) => f.type === 'image');
    const values = validateValues(parsed.schema, imageField ? { [imageField.name]: 'upload-1' } : {});
    if (!values.ok) throw new Error(JSON.stringify(values.errors));
    const compiled = compileGraph({
      graph: sample.graph as never,
      schema: parsed.schema,
      values: values.values,
      bypass: [],
      jobId: '01938f4e-0000-7000-8000-000000000001',
      objectInfo,
      uploads: imageField ? { [imageField.name]: 'cg/job/source.png' } : undefined,
    });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    expect(Object.values(compiled.graph).map((n) => n.class_type).filter((c) => c.startsWith('CozyGen'))).toEqual([]);
  });

  it('offers the text-to-image form a person expects, in order', () => {
    const txt2img = sampleWorkflows().find((s) => s.name === 'Text to image')!;
    const parsed = parseWorkflow(txt2img.graph, objectInfo, { modelFolders });
    if (!parsed.ok) throw new Error('parse failed');
    expect(parsed.schema.fields.map((f) => [f.name, f.type, f.default])).toEqual([
      ['Prompt', 'string', 'a cozy cabin in a snowy pine forest at dusk, warm window light'],
      ['Negative prompt', 'string', 'lowres, blurry, watermark, text'],
      ['Seed', 'int', 0],
      ['Width', 'int', 512],
      ['Height', 'int', 512],
      ['Steps', 'int', 20],
      ['CFG', 'float', 7],
      ['Sampler', 'choice', 'euler'],
      ['Scheduler', 'choice', 'normal'],
      ['Checkpoint', 'choice', 'v1-5-pruned-emaonly.safetensors'],
    ]);
    expect(parsed.schema.fields.find((f) => f.name === 'Seed')?.randomize).toEqual({ initial: true });
    expect(parsed.schema.type).toBe('text-to-image');
  });
});
