import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import sharp from 'sharp';
import { sendEmpty, sendMedia } from '../http/respond';
import type { Route, RouteContext } from '../http/router';
import { DOWNLOAD_ONLY_TYPES, guessMimeType } from '../storage/mime-types';
import { isFolderType, isInside } from '../storage/sim-dirs';
import type { RouteDeps } from './route-deps';

/**
 * `GET /view?filename=&subfolder=&type=` (COMFYUI.md §2): `..` or a leading `/` → 400, unknown
 * type → 400, a subfolder leaving the folder → 403, missing → 404 (all bodyless). `preview=webp;50`
 * re-encodes, `channel=a` / `channel=rgb` extract channels, plain requests honour `Range`.
 */
export function viewRoutes(deps: RouteDeps): Route[] {
  return [{ method: 'GET', path: '/view', handle: (context) => view(deps, context) }];
}

async function view(deps: RouteDeps, { req, res, url }: RouteContext): Promise<void> {
  const query = url.searchParams;
  const requested = query.get('filename');
  if (requested === null) return sendEmpty(res, 404);
  const type = query.get('type') ?? 'output';
  const annotated = deps.dirs.annotated(requested, isFolderType(type) ? type : 'output');
  if (annotated.name === '' || annotated.name.startsWith('/') || annotated.name.includes('..')) return sendEmpty(res, 400);
  if (annotated.name === requested && !isFolderType(type)) return sendEmpty(res, 400);
  let folder = annotated.dir;
  const subfolder = query.get('subfolder');
  if (subfolder !== null) {
    const full = resolve(folder, subfolder);
    if (!isInside(folder, full)) return sendEmpty(res, 403);
    folder = full;
  }
  const filename = basename(annotated.name);
  const file = join(folder, filename);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return sendEmpty(res, 404);
  const preview = query.get('preview');
  const channel = query.get('channel') ?? 'rgba';
  if (preview !== null) return sendPreview(res, file, filename, preview, channel);
  if (channel === 'rgb') return sendMedia(res, 'image/png', filename, await sharp(file).removeAlpha().png().toBuffer());
  if (channel === 'a') return sendMedia(res, 'image/png', filename, await alphaImage(file));
  const guessed = guessMimeType(filename) ?? 'application/octet-stream';
  const contentType = DOWNLOAD_ONLY_TYPES.has(guessed) ? 'application/octet-stream' : guessed;
  sendFile(res, file, info.size, contentType, filename, req.headers.range);
}

/** `preview=<format>;<quality>`: webp unless jpeg is asked for without an alpha channel. */
async function sendPreview(res: ServerResponse, file: string, filename: string, preview: string, channel: string): Promise<void> {
  const parts = preview.split(';');
  const asked = parts[0] ?? '';
  const format = (asked === 'jpeg' || asked === 'webp') && !channel.includes('a') ? asked : 'webp';
  const last = parts[parts.length - 1] ?? '';
  const quality = /^\d+$/.test(last) ? Math.min(100, Math.max(1, Number(last))) : 90;
  const image = format === 'jpeg' || channel === 'rgb' ? sharp(file).removeAlpha() : sharp(file);
  const body = format === 'jpeg' ? await image.jpeg({ quality }).toBuffer() : await image.webp({ quality }).toBuffer();
  sendMedia(res, `image/${format}`, filename, body);
}

/** `channel=a`: an RGBA PNG, black, whose alpha is the file's (opaque when it has none). */
async function alphaImage(file: string): Promise<Buffer> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(info.width * info.height * 4);
  for (let pixel = 0; pixel < info.width * info.height; pixel += 1) out[pixel * 4 + 3] = data[pixel * info.channels + info.channels - 1] ?? 255;
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer();
}

/** Streams a file like aiohttp's `FileResponse`, with single-range support (206). */
function sendFile(res: ServerResponse, file: string, size: number, contentType: string, filename: string, range: string | undefined): void {
  const headers = { 'Content-Type': contentType, 'Content-Disposition': `filename="${filename}"`, 'Accept-Ranges': 'bytes' };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
  if (match && (match[1] !== '' || match[2] !== '')) {
    const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
    const end = match[1] !== '' && match[2] !== '' ? Math.min(size - 1, Number(match[2])) : size - 1;
    if (start >= size || start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (res.req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
