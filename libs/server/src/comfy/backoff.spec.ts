import { backoffDelay, delay } from './backoff';

describe('E-6 reconnect backoff: 1 s doubling to 30 s', () => {
  it('gives the documented schedule', () => {
    expect(Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('stays at the cap for very long outages', () => {
    expect(backoffDelay(10_000)).toBe(30_000);
  });

  it('follows a custom policy', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, { initialMs: 50, maxMs: 150 }))).toEqual([50, 100, 150, 150]);
  });
});

describe('delay', () => {
  it('rejects with the abort reason instead of waiting', async () => {
    const controller = new AbortController();
    const waiting = delay(60_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('rejects at once for an already aborted signal', async () => {
    await expect(delay(60_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
