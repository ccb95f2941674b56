import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Catalogue } from './catalogue/catalogue';
import type { ModelLists } from './catalogue/model-folders';
import { Engine } from './engine/engine';
import { ExecutionLog } from './engine/execution-log';
import { FaultSwitch } from './faults';
import { BodyTooLargeError } from './http/read-body';
import { RequestTally } from './http/request-tally';
import { sendServerError, sendText } from './http/respond';
import { matchRoute, type Route } from './http/router';
import { catalogueRoutes } from './routes/catalogue.routes';
import { historyRoutes } from './routes/history.routes';
import { promptRoutes } from './routes/prompt.routes';
import { queueRoutes } from './routes/queue.routes';
import type { RouteDeps } from './routes/route-deps';
import { simAdminRoutes } from './routes/sim-admin.routes';
import { systemRoutes } from './routes/system.routes';
import { uploadRoutes } from './routes/upload.routes';
import { viewRoutes } from './routes/view.routes';
import { serverFeatures, systemStats } from './server-info';
import type { SimSettings } from './sim-options';
import type { SimDirs } from './storage/sim-dirs';

const SOCKET_PATHS: ReadonlySet<string> = new Set(['/ws', '/api/ws']);

/**
 * The HTTP + WebSocket front of the stand-in. It outlives restarts: `restart()` drops every
 * connection, replaces the in-memory engine, empties `temp/` and listens again on the same port.
 */
export class SimServer {
  readonly faults: FaultSwitch;
  readonly requests = new RequestTally();
  private engine: Engine;
  private server: Server;
  private connections = new Set<Socket>();
  private readonly sockets = new WebSocketServer({ noServer: true });
  private readonly routes: Route[];
  private readonly adminRoutes: Route[];
  private readonly executionLog: ExecutionLog | undefined;
  private port = 0;
  private restarting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly settings: SimSettings,
    private readonly catalogue: Catalogue,
    private readonly dirs: SimDirs,
    private readonly models: ModelLists,
  ) {
    this.faults = new FaultSwitch(() => this.engine.hub.dropAll());
    this.executionLog = settings.executionLog === undefined ? undefined : new ExecutionLog(settings.executionLog);
    this.engine = this.newEngine();
    this.server = this.newHttpServer();
    const deps: RouteDeps = {
      engine: () => this.engine,
      catalogue,
      dirs,
      faults: this.faults,
      requests: this.requests,
      models,
      maxUploadSize: settings.maxUploadSize,
      features: () => serverFeatures(settings.maxUploadSize),
      systemStats: () => systemStats(settings.host, this.port, dirs.base),
      restart: (keep) => this.restart(keep),
    };
    this.routes = [...systemRoutes(deps), ...promptRoutes(deps), ...queueRoutes(deps), ...historyRoutes(deps), ...catalogueRoutes(deps), ...uploadRoutes(deps), ...viewRoutes(deps)];
    this.adminRoutes = simAdminRoutes(deps);
  }

  get url(): string {
    return `http://${this.settings.host}:${this.port}`;
  }

  get listeningPort(): number {
    return this.port;
  }

  async listen(): Promise<void> {
    this.port = await listen(this.server, this.port || this.settings.port, this.settings.host);
    this.engine.start();
  }

  /**
   * Concurrent calls share one restart; none happens after `stop()`. `keep` is a connection left
   * open so an admin request can be answered once the new server listens.
   */
  restart(keep?: Socket): Promise<void> {
    this.restarting ??= this.restartOnce(keep).finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.restarting;
    await this.engine.dispose();
    this.sockets.close();
    await closeServer(this.server, this.connections);
  }

  private async restartOnce(keep: Socket | undefined): Promise<void> {
    if (this.stopped) return;
    await Promise.all([this.engine.dispose(), closeServer(this.server, this.connections, keep)]);
    await this.dirs.wipeTemp();
    this.engine = this.newEngine();
    this.server = this.newHttpServer();
    await this.listen();
  }

  private newEngine(): Engine {
    return new Engine({
      catalogue: this.catalogue,
      dirs: this.dirs,
      faults: this.faults,
      stepMs: this.settings.stepMs,
      historyDelayMs: this.settings.historyDelayMs,
      previews: this.settings.previews,
      features: () => serverFeatures(this.settings.maxUploadSize),
      executionLog: this.executionLog,
    });
  }

  private newHttpServer(): Server {
    const server = createServer((req, res) => void this.handle(req, res));
    const connections = new Set<Socket>();
    this.connections = connections;
    server.on('connection', (socket: Socket) => {
      connections.add(socket);
      socket.once('close', () => connections.delete(socket));
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    return server;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const admin = matchRoute(this.adminRoutes, req.method ?? 'GET', url.pathname);
    const match = admin.kind === 'found' ? admin : matchRoute(this.routes, req.method ?? 'GET', url.pathname);
    if (admin.kind !== 'found') {
      // Counted on arrival, so a test can act while a stalled request is still in flight.
      if (match.kind === 'found') this.requests.add(`${match.route.method} ${match.route.path}`);
      const faults = this.faults.get();
      if (faults.stallMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.stallMs));
      if (faults.http500) {
        req.resume();
        sendServerError(res);
        return;
      }
    }
    if (match.kind === 'none') return sendText(res, 404, '404: Not Found');
    if (match.kind === 'wrong-method') return sendText(res, 405, '405: Method Not Allowed');
    try {
      await match.route.handle({ req, res, url, params: match.params });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof BodyTooLargeError) {
        res.setHeader('Connection', 'close');
        sendText(res, 413, error.message);
      } else {
        sendServerError(res);
      }
    }
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (!SOCKET_PATHS.has(url.pathname) || this.faults.get().rejectConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const engine = this.engine;
    this.sockets.handleUpgrade(req, socket, head, (ws) => engine.connect(ws, url.searchParams.get('clientId') ?? undefined));
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops listening and drops every connection but `keep` (whose end is then not awaited). */
function closeServer(server: Server, connections: ReadonlySet<Socket>, keep?: Socket): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of connections) if (socket !== keep) socket.destroy();
    if (keep) resolve();
  });
}
