import { randomUUID } from 'node:crypto';
import { WebSocket, type RawData } from 'ws';
import { pythonJson } from '../python/python-json';

/**
 * ComfyUI's socket registry (COMFYUI.md §3): one socket per `clientId`, the newest connection taking
 * the id over; `status` frames go to every registered socket, everything else only to the socket
 * registered under the prompt's `client_id` at the moment of sending, or nowhere.
 */
export class WsHub {
  private readonly registered = new Map<string, WebSocket>();
  private readonly featureFlags = new Map<string, Record<string, unknown>>();
  private readonly open = new Set<WebSocket>();

  constructor(private readonly serverFeatures: () => unknown) {}

  /**
   * Registers a new connection and sends its `status` frame. Like the real server, closing a socket
   * drops the registration of its id even when a newer socket took the id over [src].
   */
  connect(ws: WebSocket, clientId: string | undefined, queueRemaining: number): string {
    const sid = clientId || randomUUID().replace(/-/g, '');
    this.registered.delete(sid);
    this.registered.set(sid, ws);
    this.featureFlags.set(sid, {});
    this.open.add(ws);
    let firstMessage = true;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      if (firstMessage) this.readFeatureFlags(sid, data);
      firstMessage = false;
    });
    ws.on('close', () => {
      this.open.delete(ws);
      this.registered.delete(sid);
      this.featureFlags.delete(sid);
    });
    this.send('status', { status: { exec_info: { queue_remaining: queueRemaining } }, sid }, sid);
    return sid;
  }

  /** `sid` null broadcasts to every registered socket, as ComfyUI's `send_sync(…, None)`. */
  send(type: string, data: unknown, sid: string | null): void {
    const text = pythonJson({ type, data });
    for (const ws of this.targets(sid)) ws.send(text);
  }

  sendBinary(frame: Buffer, sid: string | null): void {
    for (const ws of this.targets(sid)) ws.send(frame);
  }

  broadcastStatus(queueRemaining: number): void {
    this.send('status', { status: { exec_info: { queue_remaining: queueRemaining } } }, null);
  }

  /** Whether the socket registered under `sid` sent `supports_preview_metadata: true` first. */
  supportsPreviewMetadata(sid: string | null): boolean {
    return sid !== null && Boolean(this.featureFlags.get(sid)?.supports_preview_metadata);
  }

  /** Closes every socket at once, as a crashing or restarting server would. */
  dropAll(): void {
    for (const ws of this.open) ws.terminate();
  }

  private targets(sid: string | null): WebSocket[] {
    const sockets = sid === null ? [...this.registered.values()] : [this.registered.get(sid)].filter((ws) => ws !== undefined);
    return sockets.filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  private readFeatureFlags(sid: string, data: RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(rawText(data)) as unknown;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || !('type' in message) || message.type !== 'feature_flags') return;
    const flags = 'data' in message && typeof message.data === 'object' && message.data !== null ? message.data : {};
    this.featureFlags.set(sid, { ...flags });
    this.send('feature_flags', this.serverFeatures(), sid);
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
