import type { ServerResponse } from 'node:http';
import { pythonJson } from '../python/python-json';

/** aiohttp's `json_response`: Python-formatted JSON, `application/json; charset=utf-8`. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(pythonJson(value), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

/** aiohttp's bare `web.Response(status=…)`: no body, `application/octet-stream` (COMFYUI.md §1). */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Type': 'application/octet-stream', 'Content-Length': 0 });
  res.end();
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

/** What aiohttp answers when a handler raises, e.g. on a body that is not JSON [obs 05]. */
export function sendServerError(res: ServerResponse): void {
  sendText(res, 500, '500 Internal Server Error\n\nServer got itself in trouble');
}

/** A file or generated media with ComfyUI's `Content-Disposition: filename="…"`. */
export function sendMedia(res: ServerResponse, contentType: string, filename: string, body: Buffer): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': body.length,
    'Content-Disposition': `filename="${filename}"`,
  });
  res.end(body);
}
