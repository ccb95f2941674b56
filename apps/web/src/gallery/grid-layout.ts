/** G-6: 3–8 columns by width, each tile about this wide. */
const TILE_TARGET_PX = 112;
export const GRID_GAP_PX = 4;

export interface GridLayout {
  columns: number;
  /** One row's height including the gap below it. */
  rowHeight: number;
  rows: number;
}

/**
 * How a width of `width` px lays out `count` square tiles.
 * @example gridLayout(390, 100) // { columns: 3, rowHeight: 131.33…, rows: 34 }
 */
export function gridLayout(width: number, count: number): GridLayout {
  const columns = Math.min(8, Math.max(3, Math.floor(width / TILE_TARGET_PX)));
  const tile = (width - GRID_GAP_PX * (columns - 1)) / columns;
  return { columns, rowHeight: tile + GRID_GAP_PX, rows: Math.ceil(count / columns) };
}
