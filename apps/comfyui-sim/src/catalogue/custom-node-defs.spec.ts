import { comboOptions, findInputSpec, inputOptions, inputType } from '@app/shared/comfy/object-info';
import { fixtureWorkflowNodes } from '../testing/fixture-workflows';
import { isLink } from '../validation/prompt-graph';
import { Catalogue } from './catalogue';
import { resolveModelLists } from './model-folders';

const stock = Catalogue.build({ models: resolveModelLists({}, false), customNodes: false, testNodes: false });
const withCustom = Catalogue.build({ models: resolveModelLists({}, true), customNodes: true, testNodes: false });

/** Inputs the fixtures pass that the real packs read without declaring them. */
const UNDECLARED: Readonly<Record<string, RegExp>> = {
  'Power Lora Loader (rgthree)': /^(lora_\d+|PowerLoraLoaderHeaderWidget|➕ Add Lora)$/,
  'Display Int (rgthree)': /^output$/,
};

/** Every node of the fixture workflows whose class a stock server lacks (CozyGen markers are compiled away, W-20). */
const customUses = fixtureWorkflowNodes(['cozygen', 'cozygen-min', 'plain'])
  .filter((node) => !node.classType.startsWith('CozyGen') && !stock.info(node.classType))
  .map((node) => ({ where: `${node.file} #${node.id} ${node.classType}`, classType: node.classType, inputs: node.inputs }));

describe('stand-in custom-node catalogue against the fixture workflows', () => {
  it('covers some custom classes at all', () => {
    expect(customUses.length).toBeGreaterThan(20);
  });

  it.each(customUses.map((use) => [use.where, use] as const))('%s: declared, complete, literal values valid', (_where, use) => {
    const info = withCustom.info(use.classType);
    expect(info).toBeDefined();
    if (!info) return;
    const problems: string[] = [];
    for (const name of Object.keys(info.input.required ?? {})) if (!(name in use.inputs)) problems.push(`required ${name} missing`);
    for (const [name, value] of Object.entries(use.inputs)) {
      const spec = findInputSpec(info, name);
      if (!spec) {
        if (!UNDECLARED[use.classType]?.test(name)) problems.push(`undeclared ${name}`);
        continue;
      }
      if (isLink(value)) continue;
      const choices = comboOptions(spec);
      const options = inputOptions(spec);
      const normalised = typeof value === 'string' ? value.replace(/\\/g, '/') : value;
      if (choices && !choices.includes(normalised as string)) problems.push(`${name}: ${String(value)} not a choice`);
      if (typeof value === 'number' && ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max))) problems.push(`${name}: ${value} out of range`);
      if (inputType(spec) === 'BOOLEAN' && typeof value !== 'boolean') problems.push(`${name}: not a boolean`);
    }
    expect(problems).toEqual([]);
  });
});
