/** Where a piece of server data stands; one union instead of loading/error booleans. */
export type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; message: string };
