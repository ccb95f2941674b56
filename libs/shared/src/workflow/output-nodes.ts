import type { ObjectInfo } from '../comfy/object-info';
import type { OutputKind } from '../form/field-types';
import type { ApiGraph } from './api-graph';
import { COZYGEN_OUTPUT, COZYGEN_VIDEO_OUTPUT } from './cozygen-nodes';
import { compareNodeIds } from './graph-nodes';
import { ownEntry } from './own-entry';

/**
 * Output nodes (W-10): what ComfyUI runs a graph for. A backend's `/object_info` says so per class
 * (`output_node`); without it, or for a class it does not know, this list of savers decides.
 */
const KNOWN_OUTPUTS: Record<string, OutputKind> = {
  SaveImage: 'image',
  [COZYGEN_OUTPUT]: 'image',
  SaveAnimatedWEBP: 'video',
  SaveAnimatedPNG: 'video',
  SaveWEBM: 'video',
  SaveVideo: 'video',
  VHS_VideoCombine: 'video',
  [COZYGEN_VIDEO_OUTPUT]: 'video',
  SaveAudio: 'audio',
  SaveAudioMP3: 'audio',
  SaveAudioOpus: 'audio',
  PreviewImage: 'preview',
  PreviewAudio: 'preview',
};

/** @example isOutputNode('SaveImage') === true; isOutputNode('KSampler') === false */
export function isOutputNode(classType: string, objectInfo?: ObjectInfo): boolean {
  const info = ownEntry(objectInfo, classType);
  if (info) return info.output_node;
  return Object.hasOwn(KNOWN_OUTPUTS, classType);
}

/** What kind of file an output node writes; classes outside the known list are `other`. */
export function outputKind(classType: string): OutputKind {
  return ownEntry(KNOWN_OUTPUTS, classType) ?? 'other';
}

/** The graph's output nodes in node id order. */
export function findOutputNodes(graph: ApiGraph, objectInfo?: ObjectInfo): { nodeId: string; classType: string; kind: OutputKind }[] {
  return Object.keys(graph)
    .sort(compareNodeIds)
    .flatMap((nodeId) => {
      const classType = graph[nodeId]?.class_type ?? '';
      return isOutputNode(classType, objectInfo) ? [{ nodeId, classType, kind: outputKind(classType) }] : [];
    });
}
