import type { ServerToClientEvents } from '@app/shared/contracts/socket-events';
import { useSocketEvents } from '../../api/useSocketEvents';
import { useTagsStore } from '../stores/tagsStore';

/** T-1: when an admin replaces the tag list, this browser stops answering from the old one. */
export function useTagListChanges(): void {
  const socket = useSocketEvents<ServerToClientEvents>();
  const tags = useTagsStore();
  socket.on('tags.list.changed', () => tags.forget());
}
