import { isTerminal, JOB_STATUSES, statusAfter, statusesAccepting, transition, type JobEvent, type JobStatus } from './job-state';

describe('J-5 job lifecycle', () => {
  it.each<[JobStatus, JobEvent['type'], JobStatus | undefined]>([
    ['queued', 'dispatch', 'dispatched'],
    ['dispatched', 'start', 'running'],
    ['queued', 'start', 'running'],
    ['running', 'ingest', 'ingesting'],
    ['dispatched', 'ingest', 'ingesting'],
    ['ingesting', 'complete', 'completed'],
    ['running', 'fail', 'failed'],
    ['queued', 'cancel', 'cancelled'],
    ['running', 'cancel', 'cancelled'],
    ['running', 'requeue', 'queued'],
    ['completed', 'fail', undefined],
    ['completed', 'cancel', undefined],
    ['cancelled', 'start', undefined],
    ['failed', 'complete', undefined],
    ['ingesting', 'cancel', undefined],
    ['queued', 'complete', undefined],
  ])('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, { type: event })).toBe(to);
  });

  it('never leaves a terminal status', () => {
    const events: JobEvent['type'][] = ['dispatch', 'start', 'ingest', 'complete', 'fail', 'cancel', 'requeue'];
    for (const status of JOB_STATUSES.filter(isTerminal)) {
      for (const event of events) expect(transition(status, { type: event })).toBeUndefined();
    }
  });

  it('lists the statuses an event may leave from', () => {
    expect(statusesAccepting('cancel').sort()).toEqual(['dispatched', 'queued', 'running']);
    expect(statusesAccepting('complete')).toEqual(['ingesting']);
  });
});

describe('statusAfter', () => {
  it.each<[JobEvent['type'], JobStatus]>([
    ['dispatch', 'dispatched'],
    ['requeue', 'queued'],
    ['complete', 'completed'],
  ])('%s leads to %s from every status it accepts', (event, target) => {
    expect(statusAfter(event)).toBe(target);
    for (const from of statusesAccepting(event)) expect(transition(from, { type: event })).toBe(target);
  });
});
