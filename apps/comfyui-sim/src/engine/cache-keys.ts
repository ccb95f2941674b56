import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Catalogue } from '../catalogue/catalogue';
import { pythonJson } from '../python/python-json';
import type { SimDirs } from '../storage/sim-dirs';
import { isLink, isRecord } from '../validation/prompt-graph';

/** Classes with an `IS_CHANGED` that hashes the input file [src]. */
const FILE_HASHING_CLASSES: ReadonlySet<string> = new Set(['LoadImage', 'LoadImageMask']);

/**
 * Cache keys for every node of a prompt, as ComfyUI's input-signature cache builds them: class,
 * `is_changed`, the node id only for nodes with a hidden `UNIQUE_ID`, then each input (sorted by
 * name) as its value or its upstream node's key and slot. A node whose key cannot be built (a link
 * to a missing node, a cycle) gets none and is never cached.
 *
 * Like the real server, LoadImage nodes of `prompt` gain `is_changed: [<sha256>]` here, which is
 * how the PNG copy of the graph shows it while history does not [obs 04].
 */
export async function computeCacheKeys(prompt: Record<string, Record<string, unknown>>, catalogue: Catalogue, dirs: SimDirs): Promise<Map<string, string>> {
  for (const node of Object.values(prompt)) {
    if (typeof node.class_type === 'string' && FILE_HASHING_CLASSES.has(node.class_type) && isRecord(node.inputs)) {
      node.is_changed = await fileHash(dirs.inputPath(String(node.inputs.image)));
    }
  }
  const keys = new Map<string, string>();
  const visiting = new Set<string>();
  const keyOf = (id: string): string | undefined => {
    const known = keys.get(id);
    if (known !== undefined) return known;
    const node = Object.hasOwn(prompt, id) ? prompt[id] : undefined;
    if (!node || visiting.has(id)) return undefined;
    visiting.add(id);
    const classType = String(node.class_type);
    const signature: unknown[] = [classType, node.is_changed ?? false];
    if (hasUniqueIdInput(catalogue, classType)) signature.push(id);
    const inputs = isRecord(node.inputs) ? node.inputs : {};
    for (const name of Object.keys(inputs).sort()) {
      const value = inputs[name];
      if (isLink(value)) {
        const upstream = keyOf(value[0]);
        if (upstream === undefined) return undefined;
        signature.push([name, ['ANCESTOR', upstream, value[1]]]);
      } else {
        signature.push([name, value]);
      }
    }
    visiting.delete(id);
    const key = createHash('sha256').update(pythonJson(signature)).digest('hex');
    keys.set(id, key);
    return key;
  };
  for (const id of Object.keys(prompt)) keyOf(id);
  return keys;
}

/** `[sha256 hex]`, or NaN where Python's hashing raised (missing file), as ComfyUI stores it. */
async function fileHash(path: string): Promise<string[] | number> {
  try {
    return [createHash('sha256').update(await readFile(path)).digest('hex')];
  } catch {
    return Number.NaN;
  }
}

function hasUniqueIdInput(catalogue: Catalogue, classType: string): boolean {
  const hidden = catalogue.info(classType)?.input.hidden ?? {};
  return Object.values(hidden).some((spec) => spec === 'UNIQUE_ID' || (Array.isArray(spec) && spec[0] === 'UNIQUE_ID'));
}
