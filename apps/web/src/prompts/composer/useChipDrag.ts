import { onScopeDispose, shallowRef } from 'vue';
import type { Ref } from 'vue';
import { dropOf, IDLE, LONG_PRESS_MS, nextGesture } from './chip-gesture';
import type { GestureEvent, GestureState } from './chip-gesture';

const CHIP_INDEX_ATTRIBUTE = 'data-chip-index';

/** The chip under a point, read from `data-chip-index`. */
function chipAt(x: number, y: number): number | null {
  const element = typeof document.elementFromPoint === 'function' ? document.elementFromPoint(x, y) : null;
  const chip = element?.closest(`[${CHIP_INDEX_ATTRIBUTE}]`);
  const index = Number(chip?.getAttribute(CHIP_INDEX_ATTRIBUTE));
  return chip && Number.isInteger(index) ? index : null;
}

export interface ChipDrag {
  state: Ref<GestureState>;
  onPointerDown(event: PointerEvent, index: number): void;
  /** True once right after a drag, so the click that ends it does not also select the chip. */
  consumeClick(): boolean;
}

/**
 * Pointer wiring for `nextGesture`: the long-press timer, window listeners while a pointer is down,
 * and no page scrolling while a chip is carried on a touch screen.
 */
export function useChipDrag(onDrop: (from: number, to: number) => void): ChipDrag {
  const state = shallowRef<GestureState>(IDLE);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let didDrag = false;

  function dispatch(event: GestureEvent): void {
    state.value = nextGesture(state.value, event);
  }

  function onMove(event: PointerEvent): void {
    dispatch({ type: 'move', x: event.clientX, y: event.clientY, over: chipAt(event.clientX, event.clientY) });
  }

  function holdPage(event: TouchEvent): void {
    if (state.value.phase === 'dragging' && event.cancelable) event.preventDefault();
  }

  function stop(): void {
    clearTimeout(timer);
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('touchmove', holdPage);
  }

  function onUp(): void {
    const drop = dropOf(state.value);
    didDrag = state.value.phase === 'dragging';
    stop();
    dispatch({ type: 'up' });
    if (drop) onDrop(drop.from, drop.to);
  }

  function onCancel(): void {
    stop();
    dispatch({ type: 'cancel' });
  }

  function onPointerDown(event: PointerEvent, index: number): void {
    if (event.button !== 0) return;
    stop();
    didDrag = false;
    dispatch({ type: 'down', index, x: event.clientX, y: event.clientY, pointerType: event.pointerType });
    timer = setTimeout(() => dispatch({ type: 'held' }), LONG_PRESS_MS);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('touchmove', holdPage, { passive: false });
  }

  function consumeClick(): boolean {
    const was = didDrag;
    didDrag = false;
    return was;
  }

  onScopeDispose(stop);

  return { state, onPointerDown, consumeClick };
}
