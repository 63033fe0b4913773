/**
 * The heatmap in the compact form that the dashboard summary carries: the status counts of every
 * cell in one typed array rather than one object per cell. A large portfolio has thousands of
 * cells (7,200 for 200 providers over 36 months). As objects they were about half of the cached
 * summary and most of the time V8 took to deserialize it, which happens at every opening of the
 * dashboard. The panel unpacks the heatmap only when it draws it.
 */
import type { Period } from '../domain/types';
import { worstStatus } from './controlTower';
import type { ControlTowerProvider, Heatmap, HeatmapCell } from './controlTower';

/** Numbers stored per cell: the counts of green, amber, red and no data, in that order. */
export const countsPerCell = 4;

export interface PackedHeatmap {
  readonly periods: readonly Period[];
  readonly providers: readonly ControlTowerProvider[];
  /**
   * Status counts of every cell, row by row: the cell of `providers[row]` in `periods[column]`
   * starts at index `(row * periods.length + column) * countsPerCell`.
   */
  readonly counts: Uint32Array;
}

/** Packs `heatmap` without loss: `unpackHeatmap` returns an equal heatmap. */
export function packHeatmap(heatmap: Heatmap): PackedHeatmap {
  const columns = heatmap.periods.length;
  const counts = new Uint32Array(heatmap.providers.length * columns * countsPerCell);
  heatmap.cells.forEach((row, rowIndex) => {
    row.forEach((cell, column) => {
      const start = (rowIndex * columns + column) * countsPerCell;
      counts[start] = cell.green;
      counts[start + 1] = cell.amber;
      counts[start + 2] = cell.red;
      counts[start + 3] = cell.noData;
    });
  });
  return { periods: heatmap.periods, providers: heatmap.providers, counts };
}

/** Rebuilds the cells of a packed heatmap, with each cell's worst status derived from its counts as `buildHeatmap` does. */
export function unpackHeatmap(packed: PackedHeatmap): Heatmap {
  const columns = packed.periods.length;
  const cells = packed.providers.map((_, row) =>
    packed.periods.map((_period, column): HeatmapCell => {
      const start = (row * columns + column) * countsPerCell;
      const green = packed.counts[start] ?? 0;
      const amber = packed.counts[start + 1] ?? 0;
      const red = packed.counts[start + 2] ?? 0;
      const noData = packed.counts[start + 3] ?? 0;
      return { worst: worstStatus(green, amber, red), green, amber, red, noData };
    }),
  );
  return { periods: packed.periods, providers: packed.providers, cells };
}
