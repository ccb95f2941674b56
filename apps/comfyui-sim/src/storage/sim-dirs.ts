import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { guessMimeType } from './mime-types';

export type FolderType = 'input' | 'output' | 'temp';

export const FOLDER_TYPES: readonly FolderType[] = ['input', 'output', 'temp'];

export function isFolderType(value: string): value is FolderType {
  return (FOLDER_TYPES as readonly string[]).includes(value);
}

/** True when `child` is `parent` or lies inside it (Python's `commonpath` check). */
export function isInside(parent: string, child: string): boolean {
  const path = relative(resolve(parent), resolve(child));
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The base directory holding `input/`, `output/` and `temp/`, as ComfyUI's `folder_paths`. */
export class SimDirs {
  constructor(readonly base: string) {}

  dir(type: FolderType): string {
    return join(this.base, type);
  }

  async ensure(): Promise<void> {
    await Promise.all(FOLDER_TYPES.map((type) => mkdir(this.dir(type), { recursive: true })));
  }

  /** `temp/` is emptied whenever the server starts [src]. */
  async wipeTemp(): Promise<void> {
    await rm(this.dir('temp'), { recursive: true, force: true });
    await mkdir(this.dir('temp'), { recursive: true });
  }

  /** `name [output]` / `[input]` / `[temp]` picks the folder; otherwise `fallback` [src]. */
  annotated(name: string, fallback: FolderType): { name: string; dir: string } {
    for (const type of FOLDER_TYPES) {
      const suffix = ` [${type}]`;
      if (name.endsWith(suffix)) return { name: name.slice(0, -suffix.length), dir: this.dir(type) };
    }
    return { name, dir: this.dir(fallback) };
  }

  /** Where LoadImage reads `image` (which may hold a subfolder: `jobs/abc/sub_test.png`). */
  inputPath(image: string): string {
    const { name, dir } = this.annotated(image, 'input');
    return join(dir, name);
  }

  async exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }

  /** LoadImage's choice list: image files directly in `input/`, sorted [src]. */
  async inputImages(): Promise<string[]> {
    const entries = await readdir(this.dir('input'), { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile() && guessMimeType(entry.name)?.startsWith('image/'))
      .map((entry) => entry.name)
      .sort();
  }
}
