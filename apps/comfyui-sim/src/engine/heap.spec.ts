import { Heap } from './heap';

describe('heapq-compatible heap', () => {
  it('pops in ascending order whatever the push order', () => {
    const heap = new Heap<number>((a, b) => a < b);
    for (const value of [5, 1, 4, 2, 3, 0]) heap.push(value);
    expect(Array.from({ length: 6 }, () => heap.pop())).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps the array in heapq order (parents before children, not sorted)', () => {
    const heap = new Heap<number>((a, b) => a < b);
    for (const value of [3, 1, 2, 0]) heap.push(value);
    // Python: h=[]; [heapq.heappush(h, v) for v in [3, 1, 2, 0]] → [0, 1, 2, 3]
    expect(heap.toArray()).toEqual([0, 1, 2, 3]);
    for (const value of [7, 5, 6]) heap.push(value);
    heap.removeAt(1);
    expect(heap.pop()).toBe(0);
    expect(heap.toArray()[0]).toBe(2);
  });
});
