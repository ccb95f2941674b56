import { z } from 'zod';
import type { FieldError } from '../contracts/errors';
import type { ApiGraph, ApiNode, InputValue } from './api-graph';
import { COZYGEN_OUTPUT, COZYGEN_VIDEO_OUTPUT, OUTPUT_DEFAULTS, VIDEO_FORMATS } from './cozygen-nodes';
import { compareNodeIds } from './graph-nodes';

/**
 * What ingest makes from a compiled video output with ffmpeg (W-20 step 4): a GIF (with its loop
 * count), a ping-pong (frames, then reversed frames without first and last), or a looped video.
 */
export const videoPostprocessSchema = z.object({
  /** The saving node whose file is the source. */
  nodeId: z.string(),
  format: z.enum(VIDEO_FORMATS),
  frameRate: z.number(),
  loopCount: z.number().int().min(0),
  pingpong: z.boolean(),
});
export type VideoPostprocess = z.infer<typeof videoPostprocessSchema>;

interface VideoSettings {
  frameRate: number;
  loopCount: number;
  format: (typeof VIDEO_FORMATS)[number];
  pingpong: boolean;
}

const VIDEO_SETTINGS = ['frame_rate', 'loop_count', 'format', 'pingpong'] as const;

/** The node's literal settings (value markers were already replaced by their values), else the problem. */
function readVideoSettings(nodeId: string, node: ApiNode): VideoSettings | string {
  const read = (input: string, fallback: InputValue): InputValue => node.inputs[input] ?? fallback;
  const linked = VIDEO_SETTINGS.find((input) => Array.isArray(node.inputs[input]));
  if (linked) return `CozyGenVideoOutput ${nodeId}: ${linked} must be a literal or a form field, not a link`;
  const frameRate = read('frame_rate', OUTPUT_DEFAULTS.frameRate);
  const loopCount = read('loop_count', OUTPUT_DEFAULTS.loopCount);
  const format = VIDEO_FORMATS.find((known) => known === read('format', OUTPUT_DEFAULTS.format));
  const pingpong = read('pingpong', OUTPUT_DEFAULTS.pingpong);
  if (typeof frameRate !== 'number' || frameRate < 1 || frameRate > 24) return `CozyGenVideoOutput ${nodeId}: frame_rate must be a number from 1 to 24`;
  if (typeof loopCount !== 'number' || !Number.isInteger(loopCount) || loopCount < 0 || loopCount > 100) return `CozyGenVideoOutput ${nodeId}: loop_count must be an integer from 0 to 100`;
  if (!format) return `CozyGenVideoOutput ${nodeId}: format must be one of ${VIDEO_FORMATS.join(', ')}`;
  if (typeof pingpong !== 'boolean') return `CozyGenVideoOutput ${nodeId}: pingpong must be true or false`;
  return { frameRate, loopCount, format, pingpong };
}

function titled(node: ApiNode, classType: string, inputs: ApiNode['inputs'], title?: string): ApiNode {
  const meta = title ?? node._meta?.title;
  return { class_type: classType, inputs, ...(meta === undefined ? {} : { _meta: { title: meta } }) };
}

/** A free integer node id above every numeric id in use. */
function nextNodeId(graph: ApiGraph): string {
  const numeric = Object.keys(graph).filter((nodeId) => /^\d+$/.test(nodeId)).map(Number);
  return String(Math.max(0, ...numeric) + 1);
}

export type OutputMarkersResult = { ok: true; graph: ApiGraph; postprocess: VideoPostprocess[] } | { ok: false; errors: FieldError[] };

/**
 * W-20 step 4: `CozyGenOutput` → `SaveImage` (same id and inputs); `CozyGenVideoOutput` → `SaveWEBM`
 * (webm, and the source of GIFs) or `CreateVideo` + `SaveVideo` (mp4, the saver keeping the id).
 * GIF, ping-pong and loops become postprocess instructions for ingest.
 */
export function replaceOutputMarkers(graph: ApiGraph): OutputMarkersResult {
  const result: ApiGraph = { ...graph };
  const errors: FieldError[] = [];
  const postprocess: VideoPostprocess[] = [];
  for (const nodeId of Object.keys(graph).sort(compareNodeIds)) {
    const node = graph[nodeId]!;
    if (node.class_type === COZYGEN_OUTPUT) {
      result[nodeId] = titled(node, 'SaveImage', { images: node.inputs.images ?? null, filename_prefix: node.inputs.filename_prefix ?? OUTPUT_DEFAULTS.imagePrefix });
    }
    if (node.class_type !== COZYGEN_VIDEO_OUTPUT) continue;
    const settings = readVideoSettings(nodeId, node);
    if (typeof settings === 'string') {
      errors.push({ field: `graph.${nodeId}`, message: settings });
      continue;
    }
    const images = node.inputs.images ?? null;
    const prefix = node.inputs.filename_prefix ?? OUTPUT_DEFAULTS.videoPrefix;
    if (settings.format === 'video/mp4') {
      const createId = nextNodeId(result);
      result[createId] = titled(node, 'CreateVideo', { images, fps: settings.frameRate }, 'Create Video');
      result[nodeId] = titled(node, 'SaveVideo', { video: [createId, 0], filename_prefix: prefix, format: 'mp4', codec: 'h264' });
    } else {
      result[nodeId] = titled(node, 'SaveWEBM', { images, filename_prefix: prefix, codec: 'vp9', fps: settings.frameRate, crf: 32 });
    }
    if (settings.format === 'image/gif' || settings.pingpong || settings.loopCount > 0) postprocess.push({ nodeId, ...settings });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, graph: result, postprocess };
}
