import { describe, expect, it } from 'vitest';
import { smartResizeSize } from './smart-resize';

describe('J-2 Smart Resize', () => {
  it.each([
    [1024, 1024, null],
    [1500, 548, null],
    [3000, 2000, { width: 1229, height: 819 }],
    [4032, 3024, { width: 1170, height: 878 }],
    [10_000, 10, { width: 2046, height: 2 }],
  ])('%s × %s → %j', (width, height, expected) => {
    const size = smartResizeSize(width, height);
    expect(size).toEqual(expected);
    if (size) expect(size.width + size.height).toBeLessThanOrEqual(2049);
  });
});
