import { pythonJson } from '../python/python-json';
import { resolveSavePath, type SavePath } from '../storage/save-path';
import type { FolderType } from '../storage/sim-dirs';
import type { NodeContext } from './node-context';
import type { ImageBatch } from './node-values';

/** One entry of a saving node's UI output. */
export interface SavedFile {
  filename: string;
  subfolder: string;
  type: FolderType;
}

/**
 * The metadata every saver embeds: `prompt` (the executed graph) and one entry per
 * `extra_pnginfo` key, each as Python-formatted JSON.
 */
export function workflowMetadata(context: NodeContext): [string, string][] {
  const entries: [string, string][] = [['prompt', pythonJson(context.prompt)]];
  for (const [key, value] of Object.entries(context.extraPnginfo ?? {})) entries.push([key, pythonJson(value)]);
  return entries;
}

/** `get_save_image_path` for a node's `filename_prefix` in the given folder. */
export function savePathFor(context: NodeContext, prefix: string, folder: FolderType, image: ImageBatch): Promise<SavePath> {
  return resolveSavePath(prefix, context.dirs.dir(folder), { width: image.width, height: image.height }, new Date());
}
