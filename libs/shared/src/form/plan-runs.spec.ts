import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import { createRandom } from '../prompt/seeded-random';
import { parseWorkflow } from '../workflow/parse-workflow';
import type { FormSchema } from './field-types';
import { planRuns } from './plan-runs';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));

function schemaOf(file: string): FormSchema {
  const parsed = parseWorkflow(readFixtureJson(file), objectInfo);
  if (!parsed.ok) throw new Error('parse');
  return parsed.schema;
}

describe('planRuns (J-3, B-3)', () => {
  const sd15 = schemaOf('workflows/plain/sd15-txt2img.json');

  it('counts the seed up from the submitted one when it is not randomized', () => {
    const plan = planRuns(sd15, { '3.seed': 100 }, { count: 5, randomize: [], bypass: [], random: createRandom(1) });
    if (!plan.ok) throw new Error('plan');
    expect(plan.runs.map((r) => r.seed)).toEqual([100, 101, 102, 103, 104]);
    expect(plan.runs.map((r) => r.values['3.seed'])).toEqual([100, 101, 102, 103, 104]);
  });

  it('draws a fresh seed per run when the seed field is randomized', () => {
    const plan = planRuns(sd15, { '3.seed': 100 }, { count: 5, randomize: ['3.seed'], bypass: [], random: createRandom(2) });
    if (!plan.ok) throw new Error('plan');
    expect(new Set(plan.runs.map((r) => r.seed)).size).toBe(5);
    expect(plan.runs.every((r) => r.values['3.seed'] === r.seed)).toBe(true);
  });

  it('wraps inside the field bounds', () => {
    const ints = schemaOf('workflows/cozygen-min/cozygen-min-dynamic-inputs.json');
    const seedless = planRuns(ints, {}, { count: 2, randomize: [], bypass: [], random: createRandom(3) });
    if (!seedless.ok) throw new Error('plan');
    expect(seedless.runs).toHaveLength(2);
    const near = planRuns(sd15, { '3.seed': Number.MAX_SAFE_INTEGER }, { count: 2, randomize: [], bypass: [], random: createRandom(4) });
    if (!near.ok) throw new Error('plan');
    expect(near.runs.map((r) => r.seed)).toEqual([Number.MAX_SAFE_INTEGER, 0]);
  });

  it('reports a randomize switch on a field that has none', () => {
    const plan = planRuns(sd15, {}, { count: 1, randomize: ['6.text'], bypass: [], random: createRandom(5) });
    expect(plan.ok).toBe(false);
  });
});
