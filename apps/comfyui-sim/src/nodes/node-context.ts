import type { NodeInfo } from '@app/shared/comfy/object-info';
import type { SimDirs } from '../storage/sim-dirs';
import type { NodeValue } from './node-values';

/** What a node implementation sees while it runs. */
export interface NodeContext {
  promptId: string;
  nodeId: string;
  classType: string;
  /** The node's cache key: a fingerprint of its class, inputs and everything upstream. */
  key: string;
  info: NodeInfo;
  /** Inputs with links resolved to the upstream outputs. */
  inputs: Readonly<Record<string, NodeValue>>;
  /** Names of the inputs that came through links. */
  linked: ReadonlySet<string>;
  /** Hidden `PROMPT`: the executed graph, LoadImage nodes carrying `is_changed`. */
  prompt: Record<string, unknown>;
  /** Hidden `EXTRA_PNGINFO`. */
  extraPnginfo: Record<string, unknown> | undefined;
  dirs: SimDirs;
  /** Simulated milliseconds per sampler step (`stepMs` option). */
  stepMs(): number;
  /** Samplers attach previews unless the prompt asked for `preview_method: none`. */
  previews: boolean;
  /** Waits `ms` × the `slowFactor` fault; throws only when the server restarts meanwhile. */
  sleep(ms: number): Promise<void>;
  /** Reports step `value` of `max` with an optional preview; throws if an interrupt is pending. */
  step(value: number, max: number, preview?: PreviewImage): Promise<void>;
}

/** An 8-bit RGB picture for a step preview (encoded to JPEG when a client will get it). */
export interface PreviewImage {
  width: number;
  height: number;
  rgb: Buffer;
}

export interface NodeResult {
  /** One value per output slot. */
  values: NodeValue[];
  /** UI output (`{"images": [...]}`), sent as `executed` and kept in history. */
  ui?: Record<string, unknown>;
}

export type NodeRunner = (context: NodeContext) => Promise<NodeResult>;
