/**
 * Whether a page's host is this machine: another device cannot open it at that address.
 * @example isLoopbackHost('127.0.0.1') // true
 * @example isLoopbackHost('192.168.1.20') // false
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.startsWith('127.') || hostname === '[::1]';
}
