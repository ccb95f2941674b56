import { networkInterfaces } from 'node:os';

/** IPv4 addresses other devices on the LAN (a phone) can reach this machine at. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

export interface StudioUrls {
  /** Where to open it on this machine. */
  readonly local: string;
  /** Where other devices on the LAN open it; empty when the api binds to one address only. */
  readonly lan: readonly string[];
}

/** The URLs the studio answers at, as printed at start and shown under Profile → "Open on your phone". */
export function studioUrls(options: { port: number; host: string; secure: boolean }, addresses: readonly string[] = lanAddresses()): StudioUrls {
  const scheme = options.secure ? 'https' : 'http';
  const listensEverywhere = options.host === '0.0.0.0' || options.host === '::';
  return {
    local: `${scheme}://localhost:${options.port}`,
    lan: listensEverywhere ? addresses.map((ip) => `${scheme}://${ip}:${options.port}`) : [],
  };
}
