import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';

/**
 * One GET; true on 2xx. Over https the certificate is not verified: this only probes our own
 * child on loopback, whose certificate is often self-signed and never names 127.0.0.1.
 */
function answersOk(url: string): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const onResponse = (response: IncomingMessage) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolveProbe(status >= 200 && status < 300);
    };
    const request = url.startsWith('https:') ? httpsGet(url, { timeout: 2000, rejectUnauthorized: false }, onResponse) : httpGet(url, { timeout: 2000 }, onResponse);
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolveProbe(false));
  });
}

/** Polls a URL until it answers 2xx, or throws after the timeout. */
export async function waitForHttp(url: string, timeoutMs: number, isAborted: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isAborted()) throw new Error('aborted');
    if (await answersOk(url)) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
}
