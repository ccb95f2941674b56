type Listener<Args extends unknown[]> = (...args: Args) => void;

/**
 * A synchronous event emitter typed by a map of event name → argument tuple, so a misspelt event or
 * a wrong payload is a compile error.
 * @example class Door extends TypedEmitter<{ opened: [by: string] }> {}; door.on('opened', (by) => …)
 */
export class TypedEmitter<Events extends { [Name in keyof Events]: unknown[] }> {
  private readonly listeners: { [Name in keyof Events]?: Set<Listener<Events[Name]>> } = {};

  /** Subscribes; returns the function that unsubscribes. */
  on<Name extends keyof Events>(event: Name, listener: Listener<Events[Name]>): () => void {
    const set = (this.listeners[event] ??= new Set());
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Resolves with the arguments of the next `event`; rejects with the signal's reason on abort. */
  next<Name extends keyof Events>(event: Name, signal?: AbortSignal): Promise<Events[Name]> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        off();
        reject(signal?.reason);
      };
      const off = this.on(event, (...args) => {
        off();
        signal?.removeEventListener('abort', onAbort);
        resolve(args);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  protected emit<Name extends keyof Events>(event: Name, ...args: Events[Name]): void {
    for (const listener of [...(this.listeners[event] ?? [])]) listener(...args);
  }

  protected removeAllListeners(): void {
    for (const event of Object.keys(this.listeners) as (keyof Events)[]) delete this.listeners[event];
  }
}
