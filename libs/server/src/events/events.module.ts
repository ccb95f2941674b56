import { Global, Module } from '@nestjs/common';
import { JobEventOutbox } from './job-event-outbox';
import { JobEventRelay } from './job-event-relay';

/** The job-event outbox and its relay, in every process that changes jobs (api and worker). */
@Global()
@Module({ providers: [JobEventOutbox, JobEventRelay], exports: [JobEventRelay] })
export class EventsModule {}
