/** Small HTTP helpers for tests against a running stand-in (global fetch). */
export interface HttpAnswer {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: Buffer;
  /** Parsed JSON when the answer is JSON. */
  json: unknown;
}

export async function request(baseUrl: string, path: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type');
  const json: unknown = contentType?.startsWith('application/json') ? JSON.parse(body.toString('utf8')) : undefined;
  return { status: response.status, contentType, headers: response.headers, body, json };
}

export function getPath(baseUrl: string, path: string): Promise<HttpAnswer> {
  return request(baseUrl, path);
}

export function postJson(baseUrl: string, path: string, body: unknown): Promise<HttpAnswer> {
  return request(baseUrl, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** A multipart upload; `file` becomes the part named by `fileField` (default `image`). */
export function upload(baseUrl: string, file: { name: string; bytes: Buffer } | undefined, fields: Record<string, string> = {}, fileField = 'image'): Promise<HttpAnswer> {
  const form = new FormData();
  if (file) form.append(fileField, new Blob([file.bytes]), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return request(baseUrl, '/upload/image', { method: 'POST', body: form });
}

/** The id part of a 200 answer of `POST /prompt`. */
export function acceptedPromptId(answer: HttpAnswer): string {
  const json = answer.json;
  if (answer.status !== 200 || typeof json !== 'object' || json === null || !('prompt_id' in json) || typeof json.prompt_id !== 'string') {
    throw new Error(`prompt not accepted: ${answer.status} ${answer.body.toString('utf8')}`);
  }
  return json.prompt_id;
}

