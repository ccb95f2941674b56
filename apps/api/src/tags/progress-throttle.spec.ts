import type { TagImportProgress } from '@app/shared/contracts/api/tags';
import { throttleProgress } from './progress-throttle';

describe('throttleProgress', () => {
  it('sends each new phase at once and at most one report per interval within a phase', () => {
    const sent: TagImportProgress[] = [];
    let now = 1_000;
    const report = throttleProgress((progress) => sent.push(progress), () => now);
    const loading = (loaded: number): TagImportProgress => ({ phase: 'loading', loaded, total: 30 });

    report({ phase: 'reading', loaded: 0, total: null });
    report(loading(0));
    for (let loaded = 1; loaded <= 30; loaded++) {
      now += 10;
      report(loading(loaded));
    }
    report({ phase: 'activating', loaded: 30, total: 30 });
    report({ phase: 'removing-old', loaded: 30, total: 30 });

    expect(sent.map((progress) => `${progress.phase} ${progress.loaded}`)).toEqual(['reading 0', 'loading 0', 'loading 10', 'loading 20', 'loading 30', 'activating 30', 'removing-old 30']);
  });
});
