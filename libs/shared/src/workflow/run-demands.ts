import type { DemandSource, FormField, FormSchema, RunDemand } from '../form/field-types';
import type { ApiGraph } from './api-graph';
import { compareNodeIds, nodeTitle } from './graph-nodes';
import { ownEntry } from './own-entry';

type DemandKind = 'width' | 'height' | 'batch' | 'frames';
type DemandInputs = Partial<Record<DemandKind, string>>;

const IMAGE: DemandInputs = { width: 'width', height: 'height', batch: 'batch_size' };
const VIDEO: DemandInputs = { width: 'width', height: 'height', batch: 'batch_size', frames: 'length' };
const RESIZE: DemandInputs = { width: 'width', height: 'height' };

/**
 * Core ComfyUI nodes (0.8.0 `/object_info`) whose inputs decide how many pixels, images or frames a
 * run makes. Custom nodes are not guessed at: an input named `width` may be a crop or a
 * conditioning hint rather than the size of what is made.
 */
const DEMAND_INPUTS: Readonly<Record<string, DemandInputs>> = {
  EmptyImage: IMAGE,
  EmptyLatentImage: IMAGE,
  EmptySD3LatentImage: IMAGE,
  EmptyFlux2LatentImage: IMAGE,
  EmptyHunyuanImageLatent: IMAGE,
  EmptyChromaRadianceLatentImage: IMAGE,
  EmptyQwenImageLayeredLatentImage: IMAGE,
  StableCascade_EmptyLatentImage: IMAGE,
  StableZero123_Conditioning: IMAGE,
  StableZero123_Conditioning_Batched: IMAGE,
  ImageScale: RESIZE,
  LatentUpscale: RESIZE,
  EmptyHunyuanLatentVideo: VIDEO,
  EmptyHunyuanVideo15Latent: VIDEO,
  HunyuanVideo15ImageToVideo: VIDEO,
  HunyuanImageToVideo: VIDEO,
  EmptyMochiLatentVideo: VIDEO,
  EmptyLTXVLatentVideo: VIDEO,
  LTXVImgToVideo: VIDEO,
  EmptyCosmosLatentVideo: VIDEO,
  CosmosImageToVideoLatent: VIDEO,
  CosmosPredict2ImageToVideoLatent: VIDEO,
  WanImageToVideo: VIDEO,
  Wan22ImageToVideoLatent: VIDEO,
  WanFunControlToVideo: VIDEO,
  Wan22FunControlToVideo: VIDEO,
  WanFunInpaintToVideo: VIDEO,
  WanFirstLastFrameToVideo: VIDEO,
  WanVaceToVideo: VIDEO,
  WanCameraImageToVideo: VIDEO,
  WanPhantomSubjectToVideo: VIDEO,
  WanTrackToVideo: VIDEO,
  WanMoveTrackToVideo: VIDEO,
  WanSoundImageToVideo: VIDEO,
  WanHuMoImageToVideo: VIDEO,
  WanAnimateToVideo: VIDEO,
  Kandinsky5ImageToVideo: VIDEO,
  SVD_img2vid_Conditioning: { ...RESIZE, frames: 'video_frames' },
  SV3D_Conditioning: { ...RESIZE, frames: 'video_frames' },
  EmptyLatentAudio: { batch: 'batch_size' },
  EmptyAceStepLatentAudio: { batch: 'batch_size' },
  LTXVEmptyLatentAudio: { batch: 'batch_size' },
  EmptyLatentHunyuan3Dv2: { batch: 'batch_size' },
  RepeatLatentBatch: { batch: 'amount' },
  RepeatImageBatch: { batch: 'amount' },
};

const KINDS: readonly DemandKind[] = ['width', 'height', 'batch', 'frames'];

/**
 * What the graph asks a backend to make, node by node, and where each number comes from: the form
 * field that writes the input (a CozyGen marker's value or a detected plain field — both are the
 * field's `targets`), else the graph's numeric literal. An input linked from another node (a
 * computed size) cannot be known before the run and is left out.
 * @example findRunDemands({ '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 768, batch_size: 1 } } }, [{ name: '5.width', targets: [{ nodeId: '5', input: 'width' }], … }])
 *   → [{ nodeId: '5', label: 'EmptyLatentImage', width: { input: 'width', field: '5.width' }, height: { input: 'height', value: 768 }, batch: { input: 'batch_size', value: 1 } }]
 */
export function findRunDemands(graph: ApiGraph, fields: readonly Pick<FormField, 'name' | 'targets'>[]): RunDemand[] {
  const writer = new Map<string, string>();
  for (const field of fields) for (const target of field.targets) writer.set(`${target.nodeId}\u0000${target.input}`, field.name);
  const demands: RunDemand[] = [];
  for (const nodeId of Object.keys(graph).sort(compareNodeIds)) {
    const node = graph[nodeId]!;
    const inputs = ownEntry(DEMAND_INPUTS, node.class_type);
    if (!inputs) continue;
    const demand: RunDemand = { nodeId, label: nodeTitle(node) };
    for (const kind of KINDS) {
      const input = inputs[kind];
      const source = input === undefined ? undefined : sourceOf(input, writer.get(`${nodeId}\u0000${input}`), ownEntry(node.inputs, input));
      if (source) demand[kind] = source;
    }
    if (KINDS.some((kind) => demand[kind])) demands.push(demand);
  }
  return demands;
}

function sourceOf(input: string, field: string | undefined, literal: unknown): DemandSource | undefined {
  if (field !== undefined) return { input, field };
  return typeof literal === 'number' && Number.isFinite(literal) ? { input, value: literal } : undefined;
}

/** A form stored before caps existed gets its demands from the graph it was parsed from. */
export function withRunDemands(schema: FormSchema, graph: ApiGraph): FormSchema {
  return schema.demands ? schema : { ...schema, demands: findRunDemands(graph, schema.fields) };
}
