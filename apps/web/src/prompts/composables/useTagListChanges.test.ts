import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';
import { useTagsStore } from '../stores/tagsStore';

describe('T-1 another tag list served', () => {
  it('makes every signed-in screen ask the server again instead of answering from the old list', async () => {
    const api = fakeApi({
      ...signedInAs(memberView),
      'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
      'GET /tags?q=scarf&limit=10': () => json(200, { items: [], nextCursor: null }),
    });
    const screen = await renderApp('/queue');
    await screen.findByRole('heading', { name: 'Queue' });
    const tags = useTagsStore();
    const asked = () => api.seen.filter((seen) => seen.path === '/tags?q=scarf&limit=10').length;

    await tags.suggest('scarf');
    await tags.suggest('scarf');
    expect(asked()).toBe(1);

    screen.socket.emit('tags.list.changed', { source: 'mine.csv' });
    await tags.suggest('scarf');
    expect(asked()).toBe(2);
  });
});
