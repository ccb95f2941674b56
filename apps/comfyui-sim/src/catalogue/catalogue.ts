import { parseObjectInfo, type NodeInfo, type ObjectInfo } from '@app/shared/comfy/object-info';
import { customNodeDefinitions } from './custom-node-defs';
import { MODEL_INPUTS, type ModelLists } from './model-folders';
import { readStockCatalogue } from './stock-catalogue';
import { testNodeDefinitions } from './test-node-defs';

export interface CatalogueOptions {
  models: ModelLists;
  customNodes: boolean;
  testNodes: boolean;
}

/** Classes whose `image` choice list is the live listing of `input/`. */
const LIVE_INPUT_CLASSES: readonly string[] = ['LoadImage', 'LoadImageMask'];

/**
 * The node catalogue a server answers `/object_info` with: the stock capture with model folders
 * filled from the configured lists, plus the optional custom and test nodes. `raw` keeps the JSON
 * exactly (key order included) for serving; `nodes` is the shared parser's view for validation.
 */
export class Catalogue {
  private constructor(
    private readonly raw: Record<string, unknown>,
    private readonly nodes: ObjectInfo,
  ) {}

  static build(options: CatalogueOptions): Catalogue {
    const stock = readStockCatalogue();
    const raw: Record<string, unknown> = { ...stock };
    if (options.customNodes) Object.assign(raw, customNodeDefinitions(samplerLists(stock)));
    if (options.testNodes) Object.assign(raw, testNodeDefinitions());
    for (const modelInput of MODEL_INPUTS) {
      const choices = [...(options.models[modelInput.folder] ?? []), ...(modelInput.append ?? [])];
      replaceChoices(raw, modelInput.classType, modelInput.input, choices);
    }
    const parsed = parseObjectInfo(raw);
    const problems = parsed.skipped.map((skip) => `${skip.classType}: ${skip.problem}`);
    if (problems.length > 0) throw new Error(`catalogue entries do not parse: ${problems.join('; ')}`);
    return new Catalogue(raw, parsed.objectInfo);
  }

  info(classType: string): NodeInfo | undefined {
    return Object.hasOwn(this.nodes, classType) ? this.nodes[classType] : undefined;
  }

  /** The whole `/object_info` answer, with `inputImages` as LoadImage's choices. */
  all(inputImages: string[]): Record<string, unknown> {
    const answer = { ...this.raw };
    for (const classType of LIVE_INPUT_CLASSES) {
      if (Object.hasOwn(answer, classType)) answer[classType] = withChoices(answer[classType], 'image', inputImages);
    }
    return answer;
  }

  /** `/object_info/{class}`: `{class: info}`, or `{}` for an unknown class [obs 00]. */
  one(classType: string, inputImages: string[]): Record<string, unknown> {
    if (!Object.hasOwn(this.raw, classType)) return {};
    const entry = this.raw[classType];
    return { [classType]: LIVE_INPUT_CLASSES.includes(classType) ? withChoices(entry, 'image', inputImages) : entry };
  }
}

function samplerLists(stock: Record<string, unknown>): { samplers: string[]; schedulers: string[] } {
  const info = parseObjectInfo({ KSampler: stock.KSampler }).objectInfo.KSampler;
  const choices = (name: string): string[] => {
    const spec = info?.input.required?.[name];
    return Array.isArray(spec?.[0]) ? spec[0].map(String) : [];
  };
  return { samplers: choices('sampler_name'), schedulers: choices('scheduler') };
}

function replaceChoices(raw: Record<string, unknown>, classType: string, input: string, choices: string[]): void {
  if (Object.hasOwn(raw, classType)) raw[classType] = withChoices(raw[classType], input, choices);
}

/** A copy of one node entry whose `input` COMBO lists `choices`, in whichever form it is written. */
function withChoices(entry: unknown, input: string, choices: string[]): unknown {
  if (!isRecord(entry) || !isRecord(entry.input)) return entry;
  const sections = { ...entry.input };
  for (const section of ['required', 'optional'] as const) {
    const specs = sections[section];
    if (!isRecord(specs) || !Array.isArray(specs[input])) continue;
    const spec: unknown[] = specs[input];
    const options = isRecord(spec[1]) ? spec[1] : undefined;
    const replaced = Array.isArray(spec[0]) ? (options ? [choices, options] : [choices]) : [spec[0], { ...options, options: choices }];
    sections[section] = { ...specs, [input]: replaced };
  }
  return { ...entry, input: sections };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
