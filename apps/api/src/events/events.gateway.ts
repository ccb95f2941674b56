import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { JobEventsBus } from '@app/server/events/job-events';
import { Clock } from '@app/server/system/clock';
import { AuthEvents } from '../auth/auth-events';
import { Authenticator } from '../auth/authenticator.service';
import type { AuthUser } from '../common/auth-user';
import { bearerToken } from '../common/access.guard';
import { userRoom, UserSockets } from './user-sockets';

export const SOCKET_PATH = '/api/socket.io';

interface SocketData {
  user: AuthUser;
}

/** What dropping needs of a socket, local or fetched from the adapter. */
interface DroppableSocket {
  data: unknown;
  emit(event: 'session.ended'): unknown;
  disconnect(close: boolean): unknown;
}

/** setTimeout's longest delay; a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Least delay when re-arming, so a credential that is somehow still valid never spins. */
const REARM_MIN_MS = 1000;

/** The credential from the handshake `auth` payload, or an `Authorization: Bearer` header — never the URL (S-19). */
function handshakeToken(socket: Socket): string | undefined {
  const auth: unknown = socket.handshake.auth;
  const fromAuth = typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>).token : undefined;
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth;
  return bearerToken(socket.handshake.headers.authorization);
}

/**
 * Socket.IO at /api/socket.io. The handshake is authenticated before the connection exists;
 * each socket joins only its user's room; sockets whose session, token or user lost access are
 * dropped, and so are sockets whose credential expires.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false, cors: false })
export class EventsGateway implements OnModuleInit, OnApplicationShutdown, OnGatewayInit, OnGatewayConnection {
  private stopRelay: (() => Promise<void>) | undefined;
  private readonly logger = new Logger(EventsGateway.name);
  @WebSocketServer() private server!: Server;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly authEvents: AuthEvents,
    private readonly jobEvents: JobEventsBus,
    private readonly sockets: UserSockets,
    private readonly clock: Clock,
  ) {}

  afterInit(server: Server): void {
    this.sockets.attach(server);
    server.use((socket, next) => {
      const token = handshakeToken(socket);
      if (!token) return next(new Error('unauthorized'));
      this.authenticator.fromBearer(token).then(
        (user) => {
          (socket.data as SocketData).user = user;
          next();
        },
        () => next(new Error('unauthorized')),
      );
    });
  }

  async onModuleInit(): Promise<void> {
    // J-6 / S-9: the worker's job events reach the owner's sockets and nobody else's.
    this.stopRelay = await this.jobEvents.subscribe(({ userId, event, payload }) => this.sockets.send(userId, event, payload));
    await this.authEvents.subscribe(({ userId }) => {
      this.recheck(userId).catch((error: unknown) => this.logger.error({ err: error, userId }, 'socket recheck failed'));
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { user } = socket.data as SocketData;
    await socket.join(userRoom(user.id));
    this.dropAtExpiry(socket, user.expiresAt);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopRelay?.();
  }

  /** Drops this user's sockets whose credential no longer holds (S-19). */
  private async recheck(userId: string): Promise<void> {
    const sockets = await this.server.in(userRoom(userId)).fetchSockets();
    for (const socket of sockets) await this.dropIfInvalid(socket);
  }

  /** True when the socket's credential no longer holds and the socket was dropped. */
  private async dropIfInvalid(socket: DroppableSocket): Promise<boolean> {
    const { user } = socket.data as SocketData;
    if (await this.authenticator.isStillValid(user)) return false;
    this.logger.log({ userId: user.id }, 'socket access revoked');
    socket.emit('session.ended');
    socket.disconnect(true);
    return true;
  }

  /** An expiring token or session ends its socket when it expires, not at the next revocation. */
  private dropAtExpiry(socket: Socket, expiresAt: number | null, minDelayMs = 0): void {
    if (expiresAt === null) return;
    const delay = Math.min(Math.max(expiresAt - this.clock.now(), minDelayMs), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.dropIfInvalid(socket).then(
        (dropped) => {
          if (!dropped && socket.connected) this.dropAtExpiry(socket, expiresAt, REARM_MIN_MS);
        },
        (error: unknown) => this.logger.error({ err: error }, 'socket expiry check failed'),
      );
    }, delay);
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }
}
