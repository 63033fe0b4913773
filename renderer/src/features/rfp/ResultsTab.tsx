import './rfpCharts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { Chart } from '../../components/Chart';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { formatMoneyMinor } from './money';
import { priceBidsMissing } from './priceBidsMissing';
import { bidderRadarOption, buildResultRows, sectionBreakdownOption } from './resultsView';
import type { RfpRecords } from './rfpRecords';

/** Phases in which totals may be shown: scores are sealed before consensus, so totals are too. */
export function resultsVisible(phase: RfpRecords['event']['phase']): boolean {
  return phase === 'consensus' || phase === 'awarded';
}

/** Ranking with knockouts and blanks, the section breakdown and a radar per bidder. */
export function ResultsTab({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const { results } = evaluation;
  const rows = useMemo(() => buildResultRows(records, results), [records, results]);
  const formatPoints = (points: number) => formatNumber(points, userLocale, 1);
  const breakdown = useMemo(
    () => sectionBreakdownOption(records, results, { points: t('rfp.results.points'), formatPoints }),
    [records, results, t],
  );
  const [radarBidder, setRadarBidder] = useState<string | null>(null);
  const radarId = radarBidder ?? rows[0]?.bidderId ?? null;
  const radar = useMemo(() => (radarId === null ? null : bidderRadarOption(records, results, radarId)), [records, results, radarId]);

  if (!resultsVisible(records.event.phase)) return <p className="muted">{t('rfp.results.sealed')}</p>;
  const winner = rows.find((row) => row.bidderId === results.winnerId);
  const radarName = rows.find((row) => row.bidderId === radarId)?.name ?? '';

  return (
    <div className="rfp-results">
      <h2>{t('rfp.results.title')}</h2>
      <p data-testid="rfp-winner">
        {winner === undefined
          ? t('rfp.results.noWinner')
          : t(records.event.phase === 'awarded' ? 'rfp.results.winner' : 'rfp.results.rankedFirst', { name: winner.name })}
      </p>
      {results.complete ? null : <p className="alert warning">{t('rfp.results.incomplete')}</p>}
      {priceBidsMissing(records) ? (
        <p className="alert warning" data-testid="price-bids-missing">
          {t('rfp.priceBidsMissing')}
        </p>
      ) : null}
      <table className="results-table" aria-label={t('rfp.results.tableLabel')} data-testid="ranking">
        <thead>
          <tr>
            <th scope="col">{t('rfp.results.colRank')}</th>
            <th scope="col">{t('rfp.results.colBidder')}</th>
            <th scope="col">{t('rfp.results.colTotal')}</th>
            <th scope="col">{t('rfp.results.colNotes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bidderId} className={row.knockedOut ? 'knocked-out' : undefined}>
              <td className="cell-numeric">{row.rank}</td>
              <th scope="row">{row.name}</th>
              <td className="cell-numeric">{row.total === null ? t('rfp.results.noTotal') : formatPoints(row.total)}</td>
              <td>
                {row.failedKnockouts.map((knockout) => (
                  <p key={knockout.criterionTitle} className="breach">
                    {t('rfp.results.knockedOut', { criterion: knockout.criterionTitle })}
                    {knockout.reasons.map((reason) => (
                      <span key={reason} className="muted">
                        {' '}
                        {t('rfp.results.knockoutReason', { reason })}
                      </span>
                    ))}
                  </p>
                ))}
                {row.blankCriterionTitles.length === 0 ? null : (
                  <p className="muted">{t('rfp.results.blanks', { criteria: row.blankCriterionTitles.join(', ') })}</p>
                )}
                {row.partialTotal ? <p className="muted">{t('rfp.results.partial')}</p> : null}
                {row.tiedWithNames.length === 0 ? null : <p>{t('rfp.results.tied', { names: row.tiedWithNames.join(', ') })}</p>}
                {row.tco === null ? null : (
                  <p className="muted">
                    {t('rfp.setup.tco', {
                      months: records.event.termMonths,
                      total: formatMoneyMinor(row.tco.baseTotalMinor, row.tco.baseCurrency, userLocale),
                      base: row.tco.baseCurrency,
                    })}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('rfp.results.breakdownTitle')}</h3>
      <Chart option={breakdown} height={320} label={t('rfp.results.breakdownLabel')} testId="section-breakdown" />
      {radar === null ? null : (
        <>
          <h3>{t('rfp.results.radarTitle', { name: radarName })}</h3>
          <label>
            {t('rfp.results.colBidder')}
            <select
              value={radarId ?? ''}
              onChange={(event) => {
                setRadarBidder(event.target.value);
              }}
            >
              {rows.map((row) => (
                <option key={row.bidderId} value={row.bidderId}>
                  {row.name}
                </option>
              ))}
            </select>
          </label>
          <Chart option={radar} height={360} label={t('rfp.results.radarLabel', { name: radarName })} testId="bidder-radar" />
        </>
      )}
    </div>
  );
}
