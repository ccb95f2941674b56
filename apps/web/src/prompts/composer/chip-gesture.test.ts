import { describe, expect, it } from 'vitest';
import { dropOf, IDLE, nextGesture } from './chip-gesture';
import type { GestureEvent, GestureState } from './chip-gesture';

function run(events: GestureEvent[]): GestureState {
  return events.reduce(nextGesture, IDLE);
}

const touchDown: GestureEvent = { type: 'down', index: 1, x: 100, y: 100, pointerType: 'touch' };
const mouseDown: GestureEvent = { type: 'down', index: 1, x: 100, y: 100, pointerType: 'mouse' };

describe('C-2 drag to reorder', () => {
  it.each<[string, GestureEvent[], GestureState]>([
    ['a finger held 240 ms picks the chip up', [touchDown, { type: 'held' }], { phase: 'dragging', index: 1, over: 1 }],
    ['a finger moving 8 px first is still a press', [touchDown, { type: 'move', x: 108, y: 100, over: 1 }], { phase: 'pressing', index: 1, x: 100, y: 100, isTouch: true }],
    ['a finger moving more than 8 px first scrolls instead', [touchDown, { type: 'move', x: 106, y: 106, over: 1 }, { type: 'held' }], IDLE],
    ['a held chip follows the finger', [touchDown, { type: 'held' }, { type: 'move', x: 100, y: 200, over: 4 }], { phase: 'dragging', index: 1, over: 4 }],
    ['between chips the last chip under the finger stays the target', [touchDown, { type: 'held' }, { type: 'move', x: 0, y: 200, over: 4 }, { type: 'move', x: 1, y: 1, over: null }], { phase: 'dragging', index: 1, over: 4 }],
    ['a mouse drags after a few pixels, no hold needed', [mouseDown, { type: 'move', x: 110, y: 100, over: 2 }], { phase: 'dragging', index: 1, over: 2 }],
    ['a mouse wobbling 4 px is a click', [mouseDown, { type: 'move', x: 104, y: 100, over: 1 }], { phase: 'pressing', index: 1, x: 100, y: 100, isTouch: false }],
    ['the browser taking the pointer ends it', [touchDown, { type: 'held' }, { type: 'cancel' }], IDLE],
    ['release ends it', [mouseDown, { type: 'move', x: 120, y: 100, over: 3 }, { type: 'up' }], IDLE],
  ])('%s', (_name, events, expected) => {
    expect(run(events)).toEqual(expected);
  });

  it.each<[GestureState, { from: number; to: number } | null]>([
    [{ phase: 'dragging', index: 1, over: 4 }, { from: 1, to: 4 }],
    [{ phase: 'dragging', index: 1, over: 1 }, null],
    [{ phase: 'pressing', index: 1, x: 0, y: 0, isTouch: true }, null],
    [IDLE, null],
  ])('a release in %j moves %j', (state, drop) => {
    expect(dropOf(state)).toEqual(drop);
  });
});
