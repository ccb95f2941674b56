import { Global, Injectable, Module } from '@nestjs/common';
import type { SocketEventName, SocketEventPayload } from '@app/shared/contracts/socket-events';
import type { Server } from 'socket.io';

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/**
 * Pushes an event to one user's sockets on this api process (each socket joins only its user's
 * room). The gateway attaches its server when it starts; before that, events go nowhere.
 */
@Injectable()
export class UserSockets {
  private server: Server | undefined;

  attach(server: Server): void {
    this.server = server;
  }

  send<E extends SocketEventName>(userId: string, event: E, payload: SocketEventPayload<E>): void {
    this.server?.to(userRoom(userId)).emit(event, payload);
  }

  /** To every signed-in socket: only for news that is nobody's private data. */
  broadcast<E extends SocketEventName>(event: E, payload: SocketEventPayload<E>): void {
    this.server?.emit(event, payload);
  }
}

/** Global, so feature modules reach a user's sockets without the gateway's authentication wiring. */
@Global()
@Module({ providers: [UserSockets], exports: [UserSockets] })
export class UserSocketsModule {}
