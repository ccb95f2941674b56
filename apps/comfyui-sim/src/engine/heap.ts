/**
 * A binary min-heap laid out like Python's `heapq`, so `/queue` can list pending prompts in the
 * same (heap, not run) order as the real server (COMFYUI.md §2 GET /queue).
 */
export class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** Items in heap-array order. */
  toArray(): T[] {
    return [...this.items];
  }

  push(item: T): void {
    this.items.push(item);
    this.siftDown(0, this.items.length - 1);
  }

  pop(): T | undefined {
    const last = this.items.pop();
    if (last === undefined || this.items.length === 0) return last;
    const top = this.items[0];
    this.items[0] = last;
    this.siftUp(0);
    return top;
  }

  /** `list.pop(i)` followed by `heapify`, as ComfyUI deletes a pending prompt. */
  removeAt(index: number): void {
    this.items.splice(index, 1);
    for (let position = Math.floor(this.items.length / 2) - 1; position >= 0; position -= 1) this.siftUp(position);
  }

  clear(): void {
    this.items.length = 0;
  }

  findIndex(predicate: (item: T) => boolean): number {
    return this.items.findIndex(predicate);
  }

  /** heapq's `_siftdown`: moves the item at `position` up towards `start`. */
  private siftDown(start: number, position: number): void {
    const item = this.items[position];
    if (item === undefined) return;
    while (position > start) {
      const parentIndex = (position - 1) >> 1;
      const parent = this.items[parentIndex];
      if (parent === undefined || !this.less(item, parent)) break;
      this.items[position] = parent;
      position = parentIndex;
    }
    this.items[position] = item;
  }

  /** heapq's `_siftup`: moves the smaller child up until a leaf, then sifts the item back. */
  private siftUp(position: number): void {
    const end = this.items.length;
    const start = position;
    const item = this.items[position];
    if (item === undefined) return;
    let child = 2 * position + 1;
    while (child < end) {
      const right = child + 1;
      const left = this.items[child];
      const rightItem = this.items[right];
      if (right < end && left !== undefined && rightItem !== undefined && !this.less(left, rightItem)) child = right;
      const chosen = this.items[child];
      if (chosen === undefined) break;
      this.items[position] = chosen;
      position = child;
      child = 2 * position + 1;
    }
    this.items[position] = item;
    this.siftDown(start, position);
  }
}
