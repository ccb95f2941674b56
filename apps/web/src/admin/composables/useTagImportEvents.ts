import { tagImportProgressSchema } from '@app/shared/contracts/api/tags';
import type { ServerToClientEvents } from '@app/shared/contracts/socket-events';
import { useSocketEvents } from '../../api/useSocketEvents';
import { useTagListStore } from '../stores/tagListStore';

/** Feeds the admin's `tags.import.progress` events into the tag list store while the caller lives; payloads are parsed first. */
export function useTagImportEvents(): void {
  const socket = useSocketEvents<ServerToClientEvents>();
  const tagList = useTagListStore();
  socket.on('tags.import.progress', (payload: unknown) => {
    const parsed = tagImportProgressSchema.safeParse(payload);
    if (parsed.success) tagList.applyProgress(parsed.data);
  });
}
