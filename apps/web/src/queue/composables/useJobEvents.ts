import { JOB_EVENT_NAMES, jobEventSchemas } from '@app/shared/contracts/socket-events';
import type { JobEventName, ServerToClientEvents, SocketEventPayload } from '@app/shared/contracts/socket-events';
import { useSocketEvents } from '../../api/useSocketEvents';
import { useJobsStore } from '../stores/jobsStore';

/**
 * Feeds the user's job events into the jobs store for as long as the caller lives (the app shell),
 * and reads the list again on every (re)connect so nothing sent while offline is missed (J-6).
 * Payloads are parsed with the shared schemas first: socket data is external.
 */
export function useJobEvents(): void {
  const socket = useSocketEvents<ServerToClientEvents>();
  const jobs = useJobsStore();

  function listen<E extends JobEventName>(name: E): void {
    socket.on(name, (payload: unknown) => {
      const parsed = jobEventSchemas[name].safeParse(payload);
      // Verified just above; TypeScript cannot tie the indexed schema's output back to E.
      if (parsed.success) jobs.applyEvent(name, parsed.data as SocketEventPayload<E>);
    });
  }
  for (const name of JOB_EVENT_NAMES) listen(name);

  // Neither load nor resync rejects: failures land in the store's load state.
  void jobs.load();
  socket.onConnect(() => void jobs.resync());
}
