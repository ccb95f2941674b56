/**
 * C-2's drag to reorder, as a pure reducer: a mouse drags once it moves a few pixels; a finger must
 * hold still for 240 ms first, and moving more than 8 px before that lets the page scroll instead.
 */
export const LONG_PRESS_MS = 240;
export const TOUCH_SLOP_PX = 8;
export const MOUSE_SLOP_PX = 4;

export type GestureState =
  | { phase: 'idle' }
  | { phase: 'pressing'; index: number; x: number; y: number; isTouch: boolean }
  | { phase: 'dragging'; index: number; over: number };

export type GestureEvent =
  | { type: 'down'; index: number; x: number; y: number; pointerType: string }
  /** `over`: the chip under the pointer, if any. */
  | { type: 'move'; x: number; y: number; over: number | null }
  /** The long-press time passed with the pointer still down. */
  | { type: 'held' }
  | { type: 'up' }
  | { type: 'cancel' };

export const IDLE: GestureState = { phase: 'idle' };

/**
 * The next state of a chip gesture.
 * @example nextGesture({ phase: 'pressing', index: 2, x: 0, y: 0, isTouch: true }, { type: 'held' }) // dragging chip 2
 */
export function nextGesture(state: GestureState, event: GestureEvent): GestureState {
  switch (event.type) {
    case 'down':
      return { phase: 'pressing', index: event.index, x: event.x, y: event.y, isTouch: event.pointerType !== 'mouse' };
    case 'held':
      return state.phase === 'pressing' ? { phase: 'dragging', index: state.index, over: state.index } : state;
    case 'move':
      if (state.phase === 'dragging') return { ...state, over: event.over ?? state.over };
      if (state.phase === 'pressing') {
        const distance = Math.hypot(event.x - state.x, event.y - state.y);
        if (state.isTouch) return distance > TOUCH_SLOP_PX ? IDLE : state;
        return distance > MOUSE_SLOP_PX ? { phase: 'dragging', index: state.index, over: event.over ?? state.index } : state;
      }
      return state;
    case 'up':
    case 'cancel':
      return IDLE;
  }
}

/**
 * The move a released drag asks for, or null (not dragging, or dropped where it started).
 * @example dropOf({ phase: 'dragging', index: 0, over: 3 }) // { from: 0, to: 3 }
 */
export function dropOf(state: GestureState): { from: number; to: number } | null {
  return state.phase === 'dragging' && state.over !== state.index ? { from: state.index, to: state.over } : null;
}
