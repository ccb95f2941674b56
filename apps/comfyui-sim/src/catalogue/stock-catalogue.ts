import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const FILE = 'object-info-full.json';

/**
 * The captured `/object_info` of a stock ComfyUI 0.8.0 (445 classes), shipped in
 * `apps/comfyui-sim/data/`. Found from the source tree or from a compiled copy under `dist/`.
 */
export function readStockCatalogue(): Record<string, unknown> {
  const data: unknown = JSON.parse(readFileSync(locateDataFile(), 'utf8'));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${FILE} is not an object`);
  return { ...data };
}

function locateDataFile(): string {
  for (let dir = resolve(__dirname); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'data', FILE), join(dir, 'apps', 'comfyui-sim', 'data', FILE)]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) throw new Error(`${FILE} not found above ${__dirname}`);
  }
}
