import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../../../shared/kpi/controlTower';
import { countsPerCell, packHeatmap, unpackHeatmap } from '../../../../shared/kpi/controlTowerPackedHeatmap';

const heatmap: Heatmap = {
  periods: ['2016-01', '2016-02', '2016-03'],
  providers: [
    { id: 'p-a', name: 'Alpha' },
    { id: 'p-b', name: 'Bravo' },
  ],
  cells: [
    [
      { worst: 'red', green: 1, amber: 0, red: 2, noData: 0 },
      { worst: null, green: 0, amber: 0, red: 0, noData: 3 },
      { worst: 'amber', green: 2, amber: 1, red: 0, noData: 0 },
    ],
    [
      { worst: 'green', green: 3, amber: 0, red: 0, noData: 0 },
      { worst: null, green: 0, amber: 0, red: 0, noData: 0 },
      { worst: 'red', green: 0, amber: 70_000, red: 1, noData: 0 },
    ],
  ],
};

describe('packHeatmap', () => {
  it('stores four counts per cell', () => {
    const packed = packHeatmap(heatmap);
    expect(packed.counts).toBeInstanceOf(Uint32Array);
    expect(packed.counts).toHaveLength(2 * 3 * countsPerCell);
  });

  it('orders cells row by row', () => {
    const packed = packHeatmap(heatmap);
    // Bravo in March 2016: row 1, column 2.
    const start = (1 * 3 + 2) * countsPerCell;
    expect([...packed.counts.subarray(start, start + countsPerCell)]).toEqual([0, 70_000, 1, 0]);
  });

  it('round trip keeps every cell', () => {
    expect(unpackHeatmap(packHeatmap(heatmap))).toEqual(heatmap);
  });

  it('round trip survives structured clone', () => {
    expect(unpackHeatmap(structuredClone(packHeatmap(heatmap)))).toEqual(heatmap);
  });

  it('packs a heatmap without providers', () => {
    const empty: Heatmap = { periods: ['2016-01'], providers: [], cells: [] };
    expect(packHeatmap(empty).counts).toHaveLength(0);
    expect(unpackHeatmap(packHeatmap(empty))).toEqual(empty);
  });
});
