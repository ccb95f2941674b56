import { rateGate } from './rate-gate';

describe('rateGate', () => {
  it('passes once per interval, lets a forced call through at any time, and restarts the wait on every pass', () => {
    let at = 1_000;
    const may = rateGate(100, () => at);
    const passes: boolean[] = [];
    for (const [time, force] of [[1_000, false], [1_050, false], [1_060, true], [1_150, false], [1_160, false], [1_400, false]] as const) {
      at = time;
      passes.push(may(force));
    }
    expect(passes).toEqual([true, false, true, false, true, true]);
  });
});
