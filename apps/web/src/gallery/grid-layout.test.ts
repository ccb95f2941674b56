import { describe, expect, it } from 'vitest';
import { gridLayout } from './grid-layout';

describe('G-6 grid columns by width', () => {
  it.each([
    [320, 3],
    [390, 3],
    [768, 6],
    [1280, 8],
    [2560, 8],
  ])('%s px → %s columns', (width, columns) => {
    expect(gridLayout(width, 100).columns).toBe(columns);
  });

  it('has square tiles and enough rows for every item', () => {
    const layout = gridLayout(390, 100);
    expect(layout.rows).toBe(34);
    expect(layout.rowHeight * layout.columns - 4 * layout.columns).toBeCloseTo(390 - 4 * (layout.columns - 1), 5);
  });
});
