/** Reconnect delays: 1 s doubling to 30 s (E-6). */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const SOCKET_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000 };

/**
 * The wait before reconnect attempt `attempt` (0 = the first retry after a drop).
 * @example backoffDelay(0) // 1000; backoffDelay(5) // 30000
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = SOCKET_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  return Math.min(policy.initialMs * 2 ** exponent, policy.maxMs);
}

/** Waits `ms`; rejects with the signal's reason when it aborts first. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
