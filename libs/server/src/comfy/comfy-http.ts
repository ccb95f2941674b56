import { randomUUID } from 'node:crypto';
import { parseObjectInfo, type ParsedObjectInfo } from '@app/shared/comfy/object-info';
import {
  featuresSchema,
  historySchema,
  modelListSchema,
  promptAcceptedSchema,
  promptRejectedSchema,
  queueSchema,
  systemStatsSchema,
  uploadAnswerSchema,
  type PromptGraph,
  type Features,
  type HistoryEntry,
  type Queue,
  type SystemStats,
  type UploadAnswer,
} from '@app/shared/comfy/protocol';
import { ComfyProtocolError, ComfyValidationError, type ComfyUnreachableError } from './comfy-errors';
import { DEFAULT_TIMEOUTS, HttpExchange, jsonInit, routeUrl, type ComfyTimeouts } from './http-request';
import { downloadToFile, multipartBody, withIdleLimit, type DownloadResult } from './transfer';

export interface SubmitOptions {
  /** Chosen by us (= the job id) and used by the server as given. */
  promptId: string;
  /** The socket that receives this prompt's events: the worker's own. */
  clientId: string;
  /** Kept in history; `extra_pnginfo` keys become PNG text chunks. */
  extraData?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface UploadImageOptions {
  /** A plain file name; the server may answer another one (` (1)` suffix) — always use the answer. */
  name: string;
  subfolder?: string;
  type?: 'input' | 'temp' | 'output';
  overwrite?: boolean;
  signal?: AbortSignal;
}

export interface UploadedImage extends UploadAnswer {
  /** What a LoadImage `image` input takes: `subfolder/name`, or `name`. */
  loadImageValue: string;
}

/** The `filename`, `subfolder` and `type` of an output entry, exactly as history gave them. */
export interface OutputFileRef {
  filename: string;
  subfolder: string;
  type: string;
}

export interface ComfyHttpOptions {
  timeouts?: Partial<ComfyTimeouts>;
  /** How long a fetched `/object_info` is reused (E-3: 10 min). */
  objectInfoTtlMs?: number;
  /** Told of every request that found the backend unreachable, whoever made it. */
  onUnreachable?: (error: ComfyUnreachableError) => void;
}

/** Typed calls to one ComfyUI backend's HTTP routes (COMFYUI.md §2), each under its own time limit. */
export class ComfyHttp {
  readonly timeouts: ComfyTimeouts;
  private readonly exchange: HttpExchange;
  private readonly objectInfoTtlMs: number;
  private objectInfo: { fetchedAt: number; value: Promise<ParsedObjectInfo> } | undefined;

  constructor(
    readonly baseUrl: string,
    options: ComfyHttpOptions = {},
  ) {
    this.exchange = new HttpExchange(baseUrl, options.onUnreachable);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.objectInfoTtlMs = options.objectInfoTtlMs ?? 600_000;
  }

  /**
   * Queues a graph. Throws `ComfyValidationError` on a 400, and also on a 200 with `node_errors`
   * (then `queuedPromptId` is set: part of the graph was queued and the caller must stop it).
   */
  submitPrompt(graph: PromptGraph, options: SubmitOptions): Promise<{ promptId: string; number: number }> {
    const body = { prompt: graph, client_id: options.clientId, prompt_id: options.promptId, extra_data: options.extraData ?? {} };
    const route = '/prompt';
    return this.exchange.send(route, jsonInit(body), { timeoutMs: this.timeouts.promptMs, signal: options.signal }, async (response) => {
      if (response.status === 400) {
        const rejected = this.exchange.parse(route, promptRejectedSchema, await this.exchange.readJson(route, response));
        throw new ComfyValidationError(this.baseUrl, rejected.error, rejected.node_errors);
      }
      await this.exchange.expectOk(route, response);
      const accepted = this.exchange.parse(route, promptAcceptedSchema, await this.exchange.readJson(route, response));
      if (Object.keys(accepted.node_errors).length > 0) {
        throw new ComfyValidationError(this.baseUrl, undefined, accepted.node_errors, accepted.prompt_id);
      }
      return { promptId: accepted.prompt_id, number: accepted.number };
    });
  }

  getQueue(signal?: AbortSignal): Promise<Queue> {
    return this.exchange.json('/queue', queueSchema, { timeoutMs: this.timeouts.queueMs, signal });
  }

  /** The prompt's history entry, or `undefined` while it has not ended (or the server does not know it). */
  async getHistory(promptId: string, signal?: AbortSignal): Promise<HistoryEntry | undefined> {
    const history = await this.exchange.json(`/history/${encodeURIComponent(promptId)}`, historySchema, {
      timeoutMs: this.timeouts.historyMs,
      signal,
    });
    return history[promptId];
  }

  /** Removes pending prompts; the running one is untouched, unknown ids are fine. */
  deletePending(promptIds: string[], signal?: AbortSignal): Promise<void> {
    return this.exchange.postEmpty('/queue', { delete: promptIds }, { timeoutMs: this.timeouts.queueMs, signal });
  }

  /** Interrupts `promptId` only if it is the one running (ComfyUI ≥ 0.3.57). Never a global interrupt (J-8). */
  interrupt(promptId: string, signal?: AbortSignal): Promise<void> {
    if (promptId === '') throw new RangeError('interrupt needs a prompt id: a global interrupt would stop other users’ prompts');
    return this.exchange.postEmpty('/interrupt', { prompt_id: promptId }, { timeoutMs: this.timeouts.interruptMs, signal });
  }

  /** Uploads an image: bytes, a Blob (`fs.openAsBlob(path)` streams from disk) or a byte stream. */
  uploadImage(data: Uint8Array | Blob | ReadableStream<Uint8Array>, options: UploadImageOptions): Promise<UploadedImage> {
    if (!/^[^\\/"\r\n]+$/.test(options.name) || options.name === '.' || options.name === '..') {
      throw new RangeError(`not a plain file name: ${JSON.stringify(options.name)}`);
    }
    const route = '/upload/image';
    const bytes = data instanceof Blob ? data.stream() : data instanceof Uint8Array ? new Blob([new Uint8Array(data)]).stream() : data;
    const fields: Record<string, string> = { type: options.type ?? 'input', subfolder: options.subfolder ?? '' };
    if (options.overwrite) fields.overwrite = 'true';
    const boundary = `----comfy-${randomUUID()}`;
    return withIdleLimit(this.exchange, route, { idleMs: this.timeouts.transferIdleMs, signal: options.signal }, async (signal, touch) => {
      const response = await fetch(routeUrl(this.baseUrl, route), {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: multipartBody(boundary, { field: 'image', filename: options.name, bytes }, fields, touch),
        duplex: 'half',
        signal,
      });
      await this.exchange.expectOk(route, response);
      const answer = this.exchange.parse(route, uploadAnswerSchema, await this.exchange.readJson(route, response));
      return { ...answer, loadImageValue: answer.subfolder ? `${answer.subfolder}/${answer.name}` : answer.name };
    });
  }

  /** Streams an output file to `destinationPath` (temporary name, then rename). A missing file is a 404 `ComfyRequestError`. */
  downloadOutput(file: OutputFileRef, destinationPath: string, signal?: AbortSignal): Promise<DownloadResult> {
    const query = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder, type: file.type });
    return downloadToFile(this.exchange, `/view?${query.toString()}`, destinationPath, { idleMs: this.timeouts.transferIdleMs, signal });
  }

  /** The node catalogue, reused for `objectInfoTtlMs`; `refresh` fetches it again (E-3 "on demand"). */
  getObjectInfo(options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<ParsedObjectInfo> {
    const cached = this.objectInfo;
    if (!options.refresh && cached && Date.now() - cached.fetchedAt < this.objectInfoTtlMs) return cached.value;
    const value = this.fetchObjectInfo(options.signal);
    const entry = { fetchedAt: Date.now(), value };
    this.objectInfo = entry;
    value.catch(() => {
      if (this.objectInfo === entry) this.objectInfo = undefined;
    });
    return value;
  }

  private async fetchObjectInfo(signal?: AbortSignal): Promise<ParsedObjectInfo> {
    const route = '/object_info';
    const json = await this.exchange.send(route, {}, { timeoutMs: this.timeouts.objectInfoMs, signal }, async (response) => {
      await this.exchange.expectOk(route, response);
      return this.exchange.readJson(route, response);
    });
    const parsed = parseObjectInfo(json);
    if (parsed.skipped.some(({ classType }) => classType === '*')) throw new ComfyProtocolError(`${route}: not an object`, this.baseUrl);
    return parsed;
  }

  /** File names in a model folder (`checkpoints`, `loras`, …), subfolders joined with `/`. */
  listModels(folder: string, signal?: AbortSignal): Promise<string[]> {
    return this.exchange.json(`/models/${encodeURIComponent(folder)}`, modelListSchema, { timeoutMs: this.timeouts.queueMs, signal });
  }

  /** The health probe and version source (E-2, E-3). */
  getSystemStats(signal?: AbortSignal): Promise<SystemStats> {
    return this.exchange.json('/system_stats', systemStatsSchema, { timeoutMs: this.timeouts.systemStatsMs, signal });
  }

  getFeatures(signal?: AbortSignal): Promise<Features> {
    return this.exchange.json('/features', featuresSchema, { timeoutMs: this.timeouts.systemStatsMs, signal });
  }
}
