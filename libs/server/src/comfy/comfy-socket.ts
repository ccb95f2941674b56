import WebSocket, { type RawData } from 'ws';
import { decodeBinaryFrame, parseServerMessage, type BinaryFrame, type ServerMessage } from '@app/shared/comfy/protocol';
import { SOCKET_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import { ComfyUnreachableError } from './comfy-errors';
import { TypedEmitter } from './typed-emitter';

/** `ready` = connected, flags sent and the server's first `status` frame received. */
export type SocketState = 'idle' | 'connecting' | 'ready' | 'disconnected' | 'closed';

export interface SocketStateDetail {
  /** Why the connection ended (`disconnected`). */
  error?: Error;
  /** When the next attempt starts (`disconnected`). */
  retryInMs?: number;
}

export interface ComfySocketEvents {
  state: [state: SocketState, detail: SocketStateDetail];
  message: [message: ServerMessage];
  binary: [frame: BinaryFrame];
  /** A frame that did not parse; the connection goes on. */
  problem: [problem: string];
}

export interface ComfySocketOptions {
  backoff?: BackoffPolicy;
  /** Limit for the upgrade plus the first `status` frame. */
  handshakeTimeoutMs?: number;
  /** We ping (ComfyUI's aiohttp answers); no pong by the next ping drops the connection. The server itself never pings. */
  heartbeatMs?: number;
}

/** Asks for type-4 previews; must be the first client frame of every connection (COMFYUI.md §3). */
const FEATURE_FLAGS = JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } });

/**
 * The one WebSocket per backend (E-6), registered under the worker's own `clientId`. Reconnects
 * with backoff (1 s doubling to 30 s) until `close()`, re-sending the feature flags each time.
 */
export class ComfySocket extends TypedEmitter<ComfySocketEvents> {
  private socket: WebSocket | undefined;
  private current: SocketState = 'idle';
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly backoff: BackoffPolicy;
  private readonly handshakeTimeoutMs: number;
  private readonly heartbeatMs: number;

  constructor(
    readonly baseUrl: string,
    readonly clientId: string,
    options: ComfySocketOptions = {},
  ) {
    super();
    this.backoff = options.backoff ?? SOCKET_BACKOFF;
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
  }

  get state(): SocketState {
    return this.current;
  }

  get url(): string {
    const url = new URL(`${this.baseUrl.replace(/\/+$/, '')}/ws`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('clientId', this.clientId);
    return url.toString();
  }

  start(): void {
    if (this.current === 'idle') this.connect();
  }

  /** Resolves once `ready`; rejects if the socket is closed first or the signal aborts. */
  async waitUntilReady(signal?: AbortSignal): Promise<void> {
    while (this.current !== 'ready') {
      if (this.current === 'closed') throw new ComfyUnreachableError('socket closed', this.baseUrl, { notSent: true });
      await this.next('state', signal);
    }
  }

  /** Reconnects now rather than when its backoff ends (the server answered something else: it is back). */
  reconnectNow(): void {
    if (this.current !== 'disconnected' || !this.reconnectTimer) return;
    this.cancelTimer(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.connect();
  }

  /** Stops reconnecting and closes the connection. */
  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.setState('closed', {});
    this.clearTimers();
    const socket = this.socket;
    this.socket = undefined;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close();
    });
  }

  private connect(): void {
    this.setState('connecting', {});
    const socket = new WebSocket(this.url, { handshakeTimeout: this.handshakeTimeoutMs });
    this.socket = socket;
    let failure: Error | undefined;
    const handshake = this.after(this.handshakeTimeoutMs, () => {
      failure = new ComfyUnreachableError(`no status frame within ${this.handshakeTimeoutMs} ms`, this.baseUrl);
      socket.terminate();
    });
    socket.on('open', () => socket.send(FEATURE_FLAGS));
    socket.on('message', (data, isBinary) => {
      if (socket !== this.socket) return;
      if (isBinary) return this.emit('binary', decodeBinaryFrame(toBytes(data)));
      const message = this.parseText(toBytes(data).toString());
      if (!message) return;
      if (this.current === 'connecting' && message.type === 'status') this.onRegistered(socket, handshake);
      this.emit('message', message);
    });
    socket.on('error', (error) => {
      failure ??= error;
    });
    socket.on('close', () => {
      this.cancelTimer(handshake);
      if (socket === this.socket) this.onLost(failure);
    });
  }

  /** The server's first frame is always `status`: the registration exists, prompts may be posted. */
  private onRegistered(socket: WebSocket, handshake: NodeJS.Timeout): void {
    this.cancelTimer(handshake);
    this.attempt = 0;
    let awaitingPong = false;
    socket.on('pong', () => {
      awaitingPong = false;
    });
    const heartbeat = setInterval(() => {
      if (awaitingPong || socket.readyState !== WebSocket.OPEN) {
        socket.terminate();
        return;
      }
      awaitingPong = true;
      socket.ping();
    }, this.heartbeatMs);
    socket.once('close', () => clearInterval(heartbeat));
    this.setState('ready', {});
  }

  private parseText(text: string): ServerMessage | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.emit('problem', `text frame is not JSON: ${text.slice(0, 100)}`);
      return undefined;
    }
    const parsed = parseServerMessage(json);
    if (parsed.ok) return parsed.message;
    this.emit('problem', parsed.problem);
    return undefined;
  }

  private onLost(failure: Error | undefined): void {
    this.socket = undefined;
    if (this.current === 'closed') return;
    const retryInMs = backoffDelay(this.attempt++, this.backoff);
    this.setState('disconnected', { error: failure ?? new ComfyUnreachableError('socket closed', this.baseUrl), retryInMs });
    this.reconnectTimer = this.after(retryInMs, () => {
      this.reconnectTimer = undefined;
      this.connect();
    });
  }

  private setState(state: SocketState, detail: SocketStateDetail): void {
    this.current = state;
    this.emit('state', state, detail);
  }

  private after(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private cancelTimer(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

function toBytes(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
