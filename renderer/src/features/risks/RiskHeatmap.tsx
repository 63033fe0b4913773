/**
 * The 5x5 heatmap as an HTML table: likelihood upwards, impact to the right, each cell a button
 * with its count and rating band, so keyboard and screen reader users read and choose cells like
 * everyone else. Colour repeats the rating and is never the only sign of it.
 */
import { useTranslation } from 'react-i18next';
import type { RiskScore } from '@shared/domain/governance';
import { riskScores } from '@shared/governance/riskMatrix';
import type { HeatmapCell, RiskHeatmap as Heatmap } from '@shared/governance/riskMatrix';

/** The cell the register is filtered to. */
export interface HeatmapSelection {
  readonly likelihood: RiskScore;
  readonly impact: RiskScore;
}

interface RiskHeatmapProps {
  readonly heatmap: Heatmap;
  readonly selected: HeatmapSelection | null;
  /** Called with the activated cell, or `null` when the selected cell is activated again. */
  readonly onSelect: (cell: HeatmapSelection | null) => void;
}

const likelihoodTopDown = [...riskScores].reverse();

export function RiskHeatmap({ heatmap, selected, onSelect }: RiskHeatmapProps) {
  const { t } = useTranslation();

  const cellButton = (cell: HeatmapCell) => {
    const isSelected = selected?.likelihood === cell.likelihood && selected.impact === cell.impact;
    const rating = t(`governance.riskRating.${cell.rating}`);
    return (
      <td key={cell.impact}>
        <button
          type="button"
          className={`heatmap-cell rating-${cell.rating}${cell.count === 0 ? ' empty' : ''}`}
          aria-pressed={isSelected}
          aria-label={t('risks.heatmap.cell', { likelihood: cell.likelihood, impact: cell.impact, rating, count: cell.count })}
          data-testid={`heatmap-cell-${String(cell.likelihood)}-${String(cell.impact)}`}
          onClick={() => {
            onSelect(isSelected ? null : { likelihood: cell.likelihood, impact: cell.impact });
          }}
        >
          <span className="heatmap-count">{cell.count}</span>
          <span className="heatmap-band" aria-hidden="true">
            {rating}
          </span>
        </button>
      </td>
    );
  };

  return (
    <section className="panel risk-heatmap" aria-labelledby="risk-heatmap-title" data-testid="risk-heatmap">
      <h2 id="risk-heatmap-title">{t('risks.heatmap.title')}</h2>
      <table>
        <caption>{t('risks.heatmap.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('risks.heatmap.likelihood')}</span>
            </th>
            {riskScores.map((impact) => (
              <th key={impact} scope="col">
                {t('risks.heatmap.impact')} {impact}
                <span className="heatmap-scale">{t(`risks.scale.impact.${impact}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {likelihoodTopDown.map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">
                {t('risks.heatmap.likelihood')} {likelihood}
                <span className="heatmap-scale">{t(`risks.scale.likelihood.${likelihood}`)}</span>
              </th>
              {(heatmap.rows[likelihood - 1] ?? []).map(cellButton)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="heatmap-total">
        {t('risks.heatmap.total', { count: heatmap.total })}
      </p>
    </section>
  );
}
