import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { z } from 'zod';

export interface TextFrame {
  kind: 'text';
  type: string;
  data: Record<string, unknown>;
}

export interface BinaryFrame {
  kind: 'binary';
  bytes: Buffer;
}

export type RecordedFrame = TextFrame | BinaryFrame;

const textMessageSchema = z.looseObject({ type: z.string(), data: z.record(z.string(), z.unknown()).optional() });

/** A hex client id like the ones the transcripts used. */
export function newClientId(): string {
  return randomUUID().replace(/-/g, '');
}

/**
 * A test client socket that records every frame, opened the way the transcripts were recorded
 * (optionally sending `feature_flags` first) and resolved once the server's hello arrived.
 */
export class RecordingSocket {
  readonly frames: RecordedFrame[] = [];
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private closed = false;

  private constructor(
    private readonly ws: WebSocket,
    readonly clientId: string,
  ) {
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
      if (isBinary) {
        this.frames.push({ kind: 'binary', bytes });
      } else {
        const json = textMessageSchema.parse(JSON.parse(bytes.toString('utf8')));
        this.frames.push({ kind: 'text', type: json.type, data: json.data ?? {} });
      }
      this.notify();
    });
    ws.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  static async open(baseUrl: string, options: { clientId?: string; featureFlags?: boolean; path?: string } = {}): Promise<RecordingSocket> {
    const clientId = options.clientId ?? newClientId();
    const wsUrl = `${baseUrl.replace(/^http/, 'ws')}${options.path ?? '/ws'}?clientId=${clientId}`;
    const ws = new WebSocket(wsUrl);
    const socket = new RecordingSocket(ws, clientId);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (options.featureFlags) ws.send(JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } }));
    await socket.waitFor(() => socket.texts('status').length > 0 && (!options.featureFlags || socket.texts('feature_flags').length > 0), 'the hello frames');
    return socket;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  texts(type?: string): TextFrame[] {
    return this.frames.filter((frame): frame is TextFrame => frame.kind === 'text' && (type === undefined || frame.type === type));
  }

  /** Resolves when `check` holds (checked now and after every frame); rejects when the socket closes first. */
  waitFor(check: () => boolean, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({
        check: () => {
          if (check()) return true;
          if (this.closed) reject(new Error(`socket closed while waiting for ${what}`));
          return this.closed;
        },
        resolve,
      });
    });
  }

  /** Waits for a prompt's last frame: `executing` with `node: null` and its id. */
  waitForPromptEnd(promptId: string): Promise<void> {
    return this.waitFor(() => this.texts('executing').some((frame) => frame.data.node === null && frame.data.prompt_id === promptId), `the end of ${promptId}`);
  }

  /** The frames from the one at `from` on, for slicing one prompt out of a shared socket. */
  since(from: number): RecordedFrame[] {
    return this.frames.slice(from);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
