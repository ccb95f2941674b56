import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { JobEventsBus } from '@app/server/events/job-events';
import { AuthEvents } from '../auth/auth-events';
import { Authenticator } from '../auth/authenticator.service';
import type { AuthUser } from '../common/auth-user';
import { bearerToken } from '../common/access.guard';
import { userRoom, UserSockets } from './user-sockets';

export const SOCKET_PATH = '/api/socket.io';

interface SocketData {
  user: AuthUser;
}

/** The credential from the handshake `auth` payload, or an `Authorization: Bearer` header — never the URL (S-19). */
function handshakeToken(socket: Socket): string | undefined {
  const auth: unknown = socket.handshake.auth;
  const fromAuth = typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>).token : undefined;
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth;
  return bearerToken(socket.handshake.headers.authorization);
}

/**
 * Socket.IO at /api/socket.io. The handshake is authenticated before the connection exists;
 * each socket joins only its user's room; sockets whose session or user lost access are dropped.
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
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopRelay?.();
  }

  /** Drops this user's sockets whose credential no longer holds (S-19). */
  private async recheck(userId: string): Promise<void> {
    const sockets = await this.server.in(userRoom(userId)).fetchSockets();
    for (const socket of sockets) {
      const { user } = socket.data as SocketData;
      if (!(await this.authenticator.isStillValid(user))) {
        this.logger.log({ userId }, 'socket access revoked');
        socket.emit('session.ended');
        socket.disconnect(true);
      }
    }
  }
}
