import { TypedEmitter } from './typed-emitter';

class Door extends TypedEmitter<{ opened: [by: string]; closed: [] }> {
  open(by: string): void {
    this.emit('opened', by);
  }
}

describe('TypedEmitter', () => {
  it('delivers to listeners until they unsubscribe', () => {
    const door = new Door();
    const seen: string[] = [];
    const off = door.on('opened', (by) => seen.push(by));
    door.open('ann');
    off();
    door.open('bob');
    expect(seen).toEqual(['ann']);
  });

  it('next() resolves with the arguments of the next event only', async () => {
    const door = new Door();
    const next = door.next('opened');
    door.open('ann');
    door.open('bob');
    expect(await next).toEqual(['ann']);
  });

  it('next() rejects with the abort reason', async () => {
    const door = new Door();
    const controller = new AbortController();
    const next = door.next('opened', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(next).rejects.toThrow('gave up');
  });
});
