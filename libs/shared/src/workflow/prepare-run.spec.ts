import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo, type ObjectInfo } from '../comfy/object-info';
import { resolveValues } from '../form/resolve-values';
import { validateValues } from '../form/validate-values';
import { buildAliasIndex } from '../prompt/alias-index';
import { normaliseAliasesFile } from '../prompt/aliases-file';
import { createRandom } from '../prompt/seeded-random';
import { checkGraph } from './check-graph';
import { parseWorkflow } from './parse-workflow';
import { prepareRun } from './prepare-run';

const JOB_ID = '01938f4e-0000-7000-8000-00000000abcd';
const stock = parseObjectInfo(readFixtureJson('object-info-full.json')).objectInfo;

function aliases() {
  const file = normaliseAliasesFile(readFixtureJson('aliases/cozygen-aliases.json'), { onInvalid: 'skip' });
  if (!file.ok) throw new Error('fixture aliases did not import');
  return buildAliasIndex(file.value.aliases.map((a) => ({ ...a, revision: 1 })));
}

function run(values: Record<string, unknown>, objectInfo: ObjectInfo = stock, seed = 42) {
  const graphResult = checkGraph(readFixtureJson('workflows/plain/sd15-txt2img.json'), objectInfo);
  if (!graphResult.ok) throw new Error('graph');
  const parsed = parseWorkflow(graphResult.graph, objectInfo);
  if (!parsed.ok) throw new Error('parse');
  const valid = validateValues(parsed.schema, values);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  const resolved = resolveValues(parsed.schema, valid.values, { randomize: [], bypass: [], random: createRandom(seed) });
  if (!resolved.ok) throw new Error('resolve');
  return prepareRun({ graph: graphResult.graph, schema: parsed.schema, resolved: resolved.values, seed, bypass: [], jobId: JOB_ID, aliases: aliases(), objectInfo });
}

describe('prepareRun (W-20 with A-6, D-3, W-15)', () => {
  it('expands aliases in text fields and records raw, expanded and trace for lineage', () => {
    const result = run({ '6.text': '$prompts:winter_knight$, masterpiece' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.graph['6']?.inputs.text).toBe(
      '1girl, knight, armor, long_hair, holding_sword, winter_clothes, coat, scarf, mittens, earmuffs, mountain, snow, winter, cloudy_sky, masterpiece',
    );
    const prompt = result.prompts.find((p) => p.field === '6.text');
    expect(prompt?.raw).toBe('$prompts:winter_knight$, masterpiece');
    expect(prompt?.trace.some((t) => t.kind === 'alias' && t.key.toLowerCase() === 'prompts::winter_knight')).toBe(true);
    expect(result.prompts.find((p) => p.field === '7.text')).toMatchObject({ raw: 'lowres, blurry, watermark, text, jpeg artifacts', expanded: 'lowres, blurry, watermark, text, jpeg artifacts' });
  });

  it('chooses wildcards reproducibly from the job seed', () => {
    const pick = (seed: number) => {
      const result = run({ '6.text': '{red|green|blue|gold|black} car' }, stock, seed);
      if (!result.ok) throw new Error('compile');
      return result.graph['6']?.inputs.text;
    };
    expect(pick(7)).toBe(pick(7));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(pick)).size).toBeGreaterThan(1);
  });

  it('sends a choice in the backend’s own path spelling', () => {
    const windows = structuredClone(stock);
    const ckpt = windows.CheckpointLoaderSimple!.input.required!.ckpt_name!;
    windows.CheckpointLoaderSimple!.input.required!.ckpt_name = [['SD15\\v1-5-pruned-emaonly.safetensors'], ckpt[1] ?? {}];
    const result = run({ '4.ckpt_name': 'SD15/v1-5-pruned-emaonly.safetensors' }, windows);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.graph['4']?.inputs.ckpt_name).toBe('SD15\\v1-5-pruned-emaonly.safetensors');
  });

  it('compiles to a graph that writes under the job folder', () => {
    const result = run({});
    if (!result.ok) throw new Error('compile');
    expect(result.graph['9']?.inputs.filename_prefix).toBe(`cg/${JOB_ID}/sd15-txt2img`);
  });
});
