import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapPiecewiseComponent } from 'echarts/components';
import type { Heatmap, HeatmapCell } from '@shared/kpi/controlTower';
import { unpackHeatmap } from '@shared/kpi/controlTowerPackedHeatmap';
import type { PackedHeatmap } from '@shared/kpi/controlTowerPackedHeatmap';
import { Chart } from '../../components/Chart';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { buildHeatmapOption, heatmapHeight } from './heatmapOption';
import { RenderWhenNearView } from './RenderWhenNearView';

// `Chart` registers the line chart only; the heatmap adds its series type and legend here.
echarts.use([HeatmapChart, VisualMapPiecewiseComponent]);

// The chart and the table unpack the same heatmap, so it is unpacked once per summary.
const unpacked = new WeakMap<PackedHeatmap, Heatmap>();

function unpackOnce(packed: PackedHeatmap): Heatmap {
  let heatmap = unpacked.get(packed);
  if (heatmap === undefined) {
    heatmap = unpackHeatmap(packed);
    unpacked.set(packed, heatmap);
  }
  return heatmap;
}

/** Shows the heatmap of providers by months, with the same cells as a table on request. */
export function HeatmapPanel({ heatmap }: { readonly heatmap: PackedHeatmap }) {
  const { t } = useTranslation();
  const [tableOpen, setTableOpen] = useState(false);

  const cellText = useMemo(
    () => (cell: HeatmapCell) =>
      cell.worst === null
        ? t('controlTower.heatmap.empty')
        : t('controlTower.heatmap.cell', { status: t(`controlTower.status.${cell.worst}`), red: cell.red, amber: cell.amber, green: cell.green }),
    [t],
  );

  return (
    <section className="panel" aria-labelledby="heatmap-title" data-testid="control-tower-heatmap">
      <h2 id="heatmap-title">{t('controlTower.heatmap.title')}</h2>
      <p className="muted">{t('controlTower.heatmap.description')}</p>
      {heatmap.providers.length === 0 ? (
        <p className="muted">{t('controlTower.noTrackedLevels')}</p>
      ) : (
        // The chart draws one SVG element per cell, thousands on a large portfolio, so it waits until it is scrolled near.
        <RenderWhenNearView minHeight={heatmapHeight(heatmap.providers.length)}>
          <HeatmapChartView packed={heatmap} cellText={cellText} />
        </RenderWhenNearView>
      )}
      <details
        onToggle={(event) => {
          setTableOpen(event.currentTarget.open);
        }}
      >
        <summary>{t('controlTower.heatmap.showTable')}</summary>
        {/* Rendered only while open: a large portfolio has thousands of cells. */}
        {tableOpen ? <HeatmapTable heatmap={unpackOnce(heatmap)} cellText={cellText} /> : null}
      </details>
    </section>
  );
}

/** Renders the heatmap's cells as a table, one row per provider and one column per month. */
function HeatmapTable({ heatmap, cellText }: { readonly heatmap: Heatmap; readonly cellText: (cell: HeatmapCell) => string }) {
  const { t } = useTranslation();
  return (
    <div className="heatmap-table-scroll">
      <table className="heatmap-table" data-testid="heatmap-table" aria-label={t('controlTower.heatmap.label')}>
        <thead>
          <tr>
            <th scope="col">{t('controlTower.colProvider')}</th>
            {heatmap.periods.map((period) => (
              <th scope="col" key={period}>
                {formatPeriod(period, userLocale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.providers.map((provider, row) => (
            <tr key={provider.id} data-provider-id={provider.id}>
              <th scope="row">{provider.name}</th>
              {heatmap.cells[row]?.map((cell, column) => (
                <td key={heatmap.periods[column]} className={`rag rag-${cell.worst ?? 'empty'}`} data-period={heatmap.periods[column]}>
                  {cellText(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Renders the heatmap chart. The heatmap is unpacked and the option built here, so a chart that
 * has not rendered yet costs nothing.
 */
function HeatmapChartView({ packed, cellText }: { readonly packed: PackedHeatmap; readonly cellText: (cell: HeatmapCell) => string }) {
  const { t } = useTranslation();
  const heatmap = unpackOnce(packed);
  const option = useMemo(
    () =>
      buildHeatmapOption(heatmap, {
        month: (period) => formatPeriod(period, userLocale),
        status: { red: t('controlTower.status.red'), amber: t('controlTower.status.amber'), green: t('controlTower.status.green') },
        tooltip: (row, column) => {
          const provider = heatmap.providers[row]?.name ?? '';
          const period = heatmap.periods[column];
          const cell = heatmap.cells[row]?.[column];
          if (period === undefined || cell === undefined) return provider;
          return `${provider}<br/>${formatPeriod(period, userLocale)}: ${cellText(cell)}`;
        },
      }),
    [heatmap, t, cellText],
  );
  return <Chart option={option} height={heatmapHeight(heatmap.providers.length)} label={t('controlTower.heatmap.label')} testId="heatmap-chart" />;
}
