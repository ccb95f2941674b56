import { afterConnectionLost, afterProbe, initialHealth, type HealthCounter } from './backend-health';

function run(probes: boolean[], start: HealthCounter = initialHealth()): string[] {
  const states: string[] = [];
  let health = start;
  for (const ok of probes) {
    health = afterProbe(health, ok);
    states.push(health.state);
  }
  return states;
}

describe('E-2 backend health', () => {
  it('comes up at the first good probe after start', () => {
    expect(run([true])).toEqual(['up']);
  });

  it('goes down only after 3 failures in a row', () => {
    expect(run([true, false, false, true, false, false, false])).toEqual(['up', 'up', 'up', 'up', 'up', 'up', 'down']);
  });

  it('comes back up after 2 good probes in a row', () => {
    expect(run([true, false, false, false, true, false, true, true])).toEqual(['up', 'up', 'up', 'down', 'down', 'down', 'down', 'up']);
  });

  it('is down at once when never reached', () => {
    expect(run([false])).toEqual(['down']);
  });

  it('is down at once when the connection is lost, and needs 2 good probes to come back', () => {
    const lost = afterConnectionLost(afterProbe(initialHealth(), true));
    expect(lost.state).toBe('down');
    expect(run([true, true], lost)).toEqual(['down', 'up']);
  });
});
