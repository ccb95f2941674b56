import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../i18n/format';
import { elapsedMs } from './job-times';
import type { JobState } from './job-lifecycle';

const timings = { queuedAt: 1_000, dispatchedAt: 2_000, startedAt: 5_000, finishedAt: 65_000, ingestedAt: 66_000 };

describe('J-7 elapsed time', () => {
  it.each<[JobState, number]>([
    [{ status: 'queued', position: 1 }, 99_000],
    [{ status: 'dispatched' }, 99_000],
    [{ status: 'running', progress: null, preview: null }, 95_000],
    [{ status: 'completed' }, 60_000],
    [{ status: 'cancelled' }, 60_000],
  ])('%j', (state, expected) => {
    expect(elapsedMs({ state, timings }, 100_000)).toBe(expected);
  });

  it.each([
    [0, '0:00'],
    [65_000, '1:05'],
    [3_725_000, '1:02:05'],
    [-5, '0:00'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
