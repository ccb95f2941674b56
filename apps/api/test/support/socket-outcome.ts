import { io } from 'socket.io-client';

/**
 * Opens one Socket.IO connection the way the web app does (websocket only, token in the
 * handshake), trusting `ca` for https URLs; resolves 'connected' or the refusal, then closes it.
 */
export async function socketOutcome(url: string, token: string, ca?: Buffer): Promise<string> {
  const socket = io(url, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token }, ...(ca ? { ca: ca.toString() } : {}) });
  try {
    return await new Promise<string>((settle) => {
      socket.once('connect', () => settle('connected'));
      socket.once('connect_error', (error: Error) => settle(`refused: ${error.message}`));
    });
  } finally {
    socket.close();
  }
}
