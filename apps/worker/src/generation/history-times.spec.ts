import { historyEntrySchema } from '@app/shared/comfy/protocol';
import { jobTimesFromHistory } from './history-times';

function entry(messages: [string, Record<string, unknown>][]) {
  return historyEntrySchema.parse({ prompt: [1, 'p', {}, {}, []], outputs: {}, status: { status_str: 'success', completed: true, messages } });
}

const ran = entry([
  ['execution_start', { prompt_id: 'p', timestamp: 5_000 }],
  ['execution_cached', { prompt_id: 'p', nodes: [], timestamp: 5_001 }],
  ['execution_success', { prompt_id: 'p', timestamp: 9_000 }],
]);

describe('J-5 timings of a reattached job, from its history', () => {
  it('takes the start and the end as the backend recorded them', () => {
    expect(jobTimesFromHistory({ queuedAt: 1_000, dispatchedAt: 2_000 }, ran, 20_000)).toEqual({ startedAt: 5_000, finishedAt: 9_000 });
  });

  it('keeps them between the dispatch and now when the backend’s clock is off', () => {
    expect(jobTimesFromHistory({ queuedAt: 1_000, dispatchedAt: 6_000 }, ran, 8_000)).toEqual({ startedAt: 6_000, finishedAt: 8_000 });
  });

  it('without a start in history, finishes at the end it recorded, else now', () => {
    expect(jobTimesFromHistory({ queuedAt: 1_000, dispatchedAt: null }, entry([['execution_success', { prompt_id: 'p', timestamp: 3_000 }]]), 20_000)).toEqual({ finishedAt: 3_000 });
    expect(jobTimesFromHistory({ queuedAt: 1_000, dispatchedAt: null }, entry([]), 20_000)).toEqual({ finishedAt: 20_000 });
  });
});
