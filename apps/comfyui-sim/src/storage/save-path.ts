import { mkdir, readdir } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { PyException } from '../python/python-values';
import { isInside } from './sim-dirs';

export interface SavePath {
  /** Absolute folder the files go to. */
  folder: string;
  /** File name stem: the last segment of the prefix. */
  filename: string;
  /** First free counter: 1 + the highest `<filename>_<N>_…` already there. */
  counter: number;
  /** What UI outputs report: the prefix's folder part, `""` for none. */
  subfolder: string;
}

/**
 * ComfyUI's `get_save_image_path`: `cg/<jobId>/out` → subfolder `cg/<jobId>`, stem `out`, counter
 * continuing from the files already there (COMFYUI.md §5). A prefix escaping the folder raises.
 */
export async function resolveSavePath(prefix: string, baseDir: string, size: { width: number; height: number }, now: Date): Promise<SavePath> {
  const computed = prefix.includes('%') ? substituteVariables(prefix, size, now) : prefix;
  const normalized = pythonNormpath(computed);
  const subfolder = pythonDirname(normalized);
  const filename = normalized.slice(normalized.lastIndexOf('/') + 1);
  const folder = join(baseDir, subfolder);
  if (!isInside(baseDir, folder)) {
    throw new PyException(
      'Exception',
      `**** ERROR: Saving image outside the output folder is not allowed.\n full_output_folder: ${resolve(folder)}\n         output_dir: ${baseDir}`,
    );
  }
  const stemLength = computed.slice(computed.lastIndexOf('/') + 1).length;
  const existing = await readdir(folder).catch(async () => {
    await mkdir(folder, { recursive: true });
    return [];
  });
  let highest = 0;
  for (const name of existing) {
    const head = name.slice(0, stemLength + 1);
    if (head.slice(0, -1) !== filename || !head.endsWith('_')) continue;
    highest = Math.max(highest, leadingNumber(name.slice(stemLength + 1).split('_')[0] ?? ''));
  }
  return { folder, filename, counter: highest + 1, subfolder };
}

/** VideoHelperSuite's own counter: 1 + the highest N of `<stem>_<N>….<ext>` files. */
export async function resolveVhsCounter(folder: string, stem: string): Promise<number> {
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_(\\d+)\\D*\\..+$`, 'i');
  const names = await readdir(folder).catch(() => []);
  return 1 + names.reduce((highest, name) => Math.max(highest, Number(pattern.exec(name)?.[1] ?? 0)), 0);
}

/** `f"{counter:05}"`. */
export function counterText(counter: number): string {
  return String(counter).padStart(5, '0');
}

function leadingNumber(text: string): number {
  return /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : 0;
}

function substituteVariables(prefix: string, size: { width: number; height: number }, now: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return prefix
    .replaceAll('%width%', String(size.width))
    .replaceAll('%height%', String(size.height))
    .replaceAll('%year%', String(now.getFullYear()))
    .replaceAll('%month%', two(now.getMonth() + 1))
    .replaceAll('%day%', two(now.getDate()))
    .replaceAll('%hour%', two(now.getHours()))
    .replaceAll('%minute%', two(now.getMinutes()))
    .replaceAll('%second%', two(now.getSeconds()));
}

/** `os.path.normpath` on POSIX: `""` → `"."`, no trailing slash. */
function pythonNormpath(path: string): string {
  if (path === '') return '.';
  const normalized = posix.normalize(path);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** `os.path.dirname` on POSIX: `""` when the path has no slash. */
function pythonDirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return /^\/+$/.test(head) ? head : head.replace(/\/+$/, '');
}
