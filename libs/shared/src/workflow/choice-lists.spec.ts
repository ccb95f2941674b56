import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import type { ChoiceValue } from '../form/field-types';
import type { ChoiceDefault, ChoiceOrigin, ResolvedChoices } from './choice-lists';
import { choiceDefault, hasKnownChoices, matchChoice, normalizeModelPath, resolveChoices } from './choice-lists';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));
const SAMPLERS_HEAD = ['euler', 'euler_cfg_pp', 'euler_ancestral'];
const SCHEDULERS = ['simple', 'sgm_uniform', 'karras', 'exponential', 'ddim_uniform', 'beta', 'normal', 'linear_quadratic', 'kl_optimal'];

function origin(partial: Partial<ChoiceOrigin>): ChoiceOrigin {
  return { targets: [], choiceType: '', choiceList: '', ...partial };
}

describe('W-15 model paths match with \\ ≡ /', () => {
  it.each<[ChoiceValue, ChoiceValue[], ChoiceValue | undefined]>([
    ['SDXL\\m.safetensors', ['SDXL/m.safetensors'], 'SDXL/m.safetensors'],
    ['SDXL/m.safetensors', ['SDXL\\m.safetensors'], 'SDXL\\m.safetensors'],
    ['Flux\\flux1-krea-dev_fp8_scaled.safetensors', ['a.safetensors', 'Flux/flux1-krea-dev_fp8_scaled.safetensors'], 'Flux/flux1-krea-dev_fp8_scaled.safetensors'],
    ['sdxl/m.safetensors', ['SDXL/m.safetensors'], undefined],
    ['euler', ['euler', 'heun'], 'euler'],
    [3, [1, 3], 3],
    ['3', [1, 3], undefined],
  ])('%j in %j → %j', (value, choices, expected) => {
    expect(matchChoice(value, choices)).toBe(expected);
  });

  it('prefers an exact match over a separator match', () => {
    expect(matchChoice('a\\b', ['a/b', 'a\\b'])).toBe('a\\b');
  });

  it('normalises to forward slashes', () => {
    expect(normalizeModelPath('WAN\\I2V\\lora.safetensors')).toBe('WAN/I2V/lora.safetensors');
  });
});

describe('W-14 choice lists', () => {
  it('1. the COMBO options of the input fed', () => {
    expect(resolveChoices(origin({ targets: [{ classType: 'KSampler', input: 'scheduler' }], choiceType: 'loras' }), { objectInfo })).toEqual({
      choices: SCHEDULERS,
      source: { kind: 'consumer', inputs: [{ classType: 'KSampler', input: 'scheduler' }] },
    });
  });

  it('1. several COMBO inputs → their intersection, in the first list order', () => {
    const info = {
      ...objectInfo,
      A: { ...objectInfo.LoraLoader!, input: { required: { lora_name: [['x\\one.safetensors', 'two.safetensors', 'three.safetensors']] } } },
      B: { ...objectInfo.LoraLoader!, input: { required: { lora_name: ['COMBO', { options: ['three.safetensors', 'x/one.safetensors'] }] } } },
    } satisfies typeof objectInfo;
    const resolved = resolveChoices(origin({ targets: [{ classType: 'A', input: 'lora_name' }, { classType: 'B', input: 'lora_name' }, { classType: 'A', input: 'lora_name' }] }), { objectInfo: info });
    expect(resolved).toEqual({
      choices: ['x/one.safetensors', 'three.safetensors'],
      source: { kind: 'consumer', inputs: [{ classType: 'A', input: 'lora_name' }, { classType: 'B', input: 'lora_name' }] },
    });
  });

  it.each([
    ['sampler', 'sampler', 'sampler_name'],
    ['samplers_list', 'sampler', 'sampler_name'],
    ['scheduler', 'scheduler', 'scheduler'],
    ['schedulers_list', 'scheduler', 'scheduler'],
  ])('2. choice_type %s → KSampler.%s', (choiceType, canonical, input) => {
    const resolved = resolveChoices(origin({ choiceType, targets: [{ classType: 'CustomSampler', input: 'x' }] }), { objectInfo });
    expect(resolved.source).toEqual({ kind: 'choiceType', choiceType: canonical, classType: 'KSampler', input });
    expect(resolved.choices.slice(0, 3)).toEqual(input === 'scheduler' ? SCHEDULERS.slice(0, 3) : SAMPLERS_HEAD);
  });

  const folders = { loras: ['WAN\\high.safetensors', 'low.safetensors'], text_encoders: ['t5.safetensors'], diffusion_models: ['flux.safetensors'], unet_gguf: ['wan.gguf'] };
  it.each([
    ['loras', folders, 'loras', ['WAN/high.safetensors', 'low.safetensors']],
    ['clip', folders, 'text_encoders', ['t5.safetensors']],
    ['unet', folders, 'unet_gguf', ['wan.gguf']],
    ['unet', { diffusion_models: ['flux.safetensors'] }, 'diffusion_models', ['flux.safetensors']],
    ['vae', folders, 'vae', []],
  ])('2. choice_type %s → model folder %s', (choiceType, modelFolders, folder, choices) => {
    expect(resolveChoices(origin({ choiceType }), { objectInfo, modelFolders })).toEqual({ choices, source: { kind: 'modelFolder', folder, listed: true } });
  });

  it('2. a model folder without supplied lists is unknown, not empty', () => {
    const resolved = resolveChoices(origin({ choiceType: 'diffusion_models' }), { objectInfo });
    expect(resolved).toEqual({ choices: [], source: { kind: 'modelFolder', folder: 'diffusion_models', listed: false } });
    expect(hasKnownChoices(resolved.source)).toBe(false);
  });

  it("3. the marker's own comma-separated list", () => {
    expect(resolveChoices(origin({ choiceList: ' fast, slow ,, best ' }), { objectInfo })).toEqual({ choices: ['fast', 'slow', 'best'], source: { kind: 'marker' } });
  });

  it('4. nothing → none', () => {
    expect(resolveChoices(origin({ targets: [{ classType: 'KSampler', input: 'steps' }] }), { objectInfo })).toEqual({ choices: [], source: { kind: 'none' } });
  });

  it('without /object_info the list is unresolved', () => {
    const resolved = resolveChoices(origin({ targets: [{ classType: 'KSampler', input: 'scheduler' }], choiceList: 'a,b' }), {});
    expect(resolved).toEqual({ choices: [], source: { kind: 'unresolved' } });
    expect(hasKnownChoices(resolved.source)).toBe(false);
  });
});

describe('W-8 choice defaults', () => {
  const known: ResolvedChoices = { choices: ['sdxl/base.safetensors', 'SDXL/juggernaut.safetensors'], source: { kind: 'marker' } };
  it.each<[string, ChoiceValue | undefined, ResolvedChoices, ChoiceDefault]>([
    ['a listed default, Windows spelling', 'SDXL\\juggernaut.safetensors', known, { default: 'SDXL/juggernaut.safetensors' }],
    ['a default no list has', 'SDXL\\missing.safetensors', known, { default: 'sdxl/base.safetensors', unavailable: 'SDXL/missing.safetensors' }],
    ['no default', undefined, known, { default: 'sdxl/base.safetensors' }],
    ['an empty list', 'x', { choices: [], source: { kind: 'none' } }, { default: '', unavailable: 'x' }],
    ['an unresolved list keeps the default', 'A\\b', { choices: [], source: { kind: 'unresolved' } }, { default: 'A/b' }],
  ])('%s', (_name, wanted, resolved, expected) => {
    expect(choiceDefault(wanted, resolved)).toEqual(expected);
  });
});
