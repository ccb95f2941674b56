import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { readMultipart } from '../http/multipart';
import { sendEmpty, sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { isFolderType, isInside } from '../storage/sim-dirs';
import type { RouteDeps } from './route-deps';

/**
 * `POST /upload/image` (COMFYUI.md §2): fields `image`, `type` (default input), `subfolder`,
 * `overwrite`. A taken name gets ` (1)`, ` (2)`, … unless the bytes are identical (then nothing is
 * written and the existing name returned) or `overwrite` is `"true"`/`"1"`. Content is not checked.
 */
export function uploadRoutes(deps: RouteDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/upload/image',
      handle: async ({ req, res }) => {
        const form = await readMultipart(req, deps.maxUploadSize);
        const image = form.files.get('image');
        const type = form.fields.get('type') ?? 'input';
        if (!isFolderType(type)) throw new Error(`unknown upload type ${type}`);
        if (!image || image.filename === '') {
          sendEmpty(res, 400);
          return;
        }
        const uploadDir = deps.dirs.dir(type);
        const subfolder = form.fields.get('subfolder') ?? '';
        const folder = resolve(uploadDir, normalize(subfolder === '' ? '.' : subfolder));
        let filename = image.filename;
        let path = resolve(folder, filename);
        if (!isInside(uploadDir, path)) {
          sendEmpty(res, 400);
          return;
        }
        const overwrite = ['true', '1'].includes(form.fields.get('overwrite') ?? '');
        let duplicate = false;
        if (!overwrite) {
          const stem = filename.slice(0, filename.length - extname(filename).length);
          for (let attempt = 1; await deps.dirs.exists(path); attempt += 1) {
            if (await sameBytes(path, image.data)) {
              duplicate = true;
              break;
            }
            filename = `${stem} (${attempt})${extname(image.filename)}`;
            path = join(folder, filename);
          }
        }
        if (!duplicate) {
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, image.data);
        }
        sendJson(res, 200, { name: filename, subfolder, type });
      },
    },
  ];
}

async function sameBytes(path: string, data: Buffer): Promise<boolean> {
  const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
  return digest(await readFile(path)) === digest(data);
}
