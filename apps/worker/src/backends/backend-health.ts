/**
 * E-2: 3 failed probes in a row → down; 2 good ones in a row → up. A lost connection (the socket
 * closed, a request refused or reset) is down at once: the probes then confirm the return.
 */
export const FAILURES_TO_DOWN = 3;
export const SUCCESSES_TO_UP = 2;

export type Health = 'unknown' | 'up' | 'down';

export interface HealthCounter {
  state: Health;
  failures: number;
  successes: number;
}

export function initialHealth(): HealthCounter {
  return { state: 'unknown', failures: 0, successes: 0 };
}

/**
 * The next health after one probe. A backend never seen is `up` at its first good probe, so a
 * fresh start does not wait two intervals before dispatching.
 */
export function afterProbe(current: HealthCounter, ok: boolean): HealthCounter {
  if (ok) {
    const successes = current.successes + 1;
    const up = current.state === 'up' || current.state === 'unknown' || successes >= SUCCESSES_TO_UP;
    return { state: up ? 'up' : current.state, failures: 0, successes };
  }
  const failures = current.failures + 1;
  const down = current.state === 'down' || failures >= FAILURES_TO_DOWN || (current.state === 'unknown' && failures >= 1);
  return { state: down ? 'down' : current.state, failures, successes: 0 };
}

/** The backend closed our socket or refused/reset a request: down now, whatever the probes said. */
export function afterConnectionLost(current: HealthCounter): HealthCounter {
  return { state: 'down', failures: Math.max(current.failures, FAILURES_TO_DOWN), successes: 0 };
}
