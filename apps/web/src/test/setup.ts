import { cleanup } from '@testing-library/vue';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  if (typeof window !== 'undefined') localStorage.clear();
});

// jsdom has no layout: the router's scroll restoration would log "not implemented" on every navigation.
// (The socket tests run in the node environment, without a window.)
if (typeof window !== 'undefined') window.scrollTo = () => undefined;
