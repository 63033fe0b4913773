import './rfpCharts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { Chart } from '../../components/Chart';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { resultsVisible } from './ResultsTab';
import type { RfpRecords } from './rfpRecords';
import { buildTornadoRows, rankWithWeights, tornadoOption } from './sensitivityView';
import type { TornadoRow } from './sensitivityView';

/** Highest value of a what-if weight slider; entered weights are usually points out of 100. */
const sliderMax = 100;

/** Tornado chart with its flip points, and the what-if sliders that re-rank live. */
export function SensitivityTab({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => buildTornadoRows(records, evaluation.sensitivity, (title) => t('rfp.sensitivity.sectionLabel', { title })),
    [records, evaluation.sensitivity, t],
  );
  const option = useMemo(
    () =>
      tornadoOption(rows, {
        belowCurrent: t('rfp.sensitivity.belowCurrent'),
        aboveCurrent: t('rfp.sensitivity.aboveCurrent'),
        axis: t('rfp.sensitivity.axis'),
      }),
    [rows, t],
  );

  if (!resultsVisible(records.event.phase)) return <p className="muted">{t('rfp.results.sealed')}</p>;
  const winner = records.bidders.find((bidder) => bidder.id === evaluation.sensitivity.winnerId);
  if (winner === undefined) return <p className="muted">{t('rfp.sensitivity.noWinner')}</p>;

  return (
    <div className="rfp-sensitivity">
      <h2>{t('rfp.sensitivity.tornadoTitle')}</h2>
      <p>{t(records.event.phase === 'awarded' ? 'rfp.results.winner' : 'rfp.results.rankedFirst', { name: winner.name })}</p>
      <Chart
        option={option}
        height={Math.max(200, rows.length * 28 + 80)}
        label={t('rfp.sensitivity.tornadoLabel', { name: winner.name })}
        testId="tornado"
      />
      <FlipTable rows={rows} />
      <WhatIf records={records} evaluation={evaluation} />
    </div>
  );
}

function FlipTable({ rows }: { readonly rows: readonly TornadoRow[] }) {
  const { t } = useTranslation();
  const percent = (value: number) => `${formatNumber(value, userLocale, 1)}%`;
  const flipText = (flip: TornadoRow['lowerFlip']) => {
    if (flip === null) return null;
    return flip.enteredWeight === null
      ? t('rfp.sensitivity.flipAt', { winner: flip.newWinner, share: percent(flip.percent) })
      : t('rfp.sensitivity.flipWeight', {
          winner: flip.newWinner,
          share: percent(flip.percent),
          weight: formatNumber(flip.enteredWeight, userLocale, 1),
        });
  };
  return (
    <table className="results-table" aria-label={t('rfp.sensitivity.tableLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('rfp.sensitivity.colItem')}</th>
          <th scope="col">{t('rfp.sensitivity.colCurrent')}</th>
          <th scope="col">{t('rfp.sensitivity.colRange')}</th>
          <th scope="col">{t('rfp.sensitivity.colFlip')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const flips = [flipText(row.lowerFlip), flipText(row.upperFlip)].filter((text) => text !== null);
          return (
            <tr key={`${row.kind}:${row.id}`}>
              <th scope="row">{row.label}</th>
              <td className="cell-numeric">{percent(row.currentPercent)}</td>
              <td>{t('rfp.sensitivity.rangeText', { low: percent(row.lowPercent), high: percent(row.highPercent) })}</td>
              <td>{flips.length === 0 ? t('rfp.sensitivity.noFlip') : flips.join('; ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function WhatIf({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const [sections, setSections] = useState<ReadonlyMap<Id, number>>(new Map());
  const [criteria, setCriteria] = useState<ReadonlyMap<Id, number>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<Id>>(new Set());
  const results = useMemo(() => rankWithWeights(evaluation.model, { sections, criteria }), [evaluation.model, sections, criteria]);
  const names = new Map(records.bidders.map((bidder) => [bidder.id, bidder.name]));
  const sortedSections = [...records.sections].sort((a, b) => a.order - b.order);

  const slider = (id: Id, name: string, value: number, onChange: (value: number) => void) => (
    <label key={id} className="what-if-slider">
      <span>{t('rfp.sensitivity.sliderLabel', { name })}</span>
      <input
        type="range"
        min={0}
        max={Math.max(sliderMax, value)}
        step={1}
        value={value}
        onChange={(event) => {
          onChange(Number(event.target.value));
        }}
      />
      <output>{formatNumber(value, userLocale, 1)}</output>
    </label>
  );

  return (
    <section className="panel" aria-labelledby="what-if-title">
      <h2 id="what-if-title">{t('rfp.sensitivity.whatIfTitle')}</h2>
      <p className="muted">{t('rfp.sensitivity.whatIfHelp')}</p>
      <div className="what-if">
        <div>
          {sortedSections.map((section) => (
            <div key={section.id}>
              {slider(section.id, section.title, sections.get(section.id) ?? section.weight, (value) => {
                setSections((current) => new Map(current).set(section.id, value));
              })}
              <label className="indent">
                <input
                  type="checkbox"
                  checked={expanded.has(section.id)}
                  onChange={(event) => {
                    const next = new Set(expanded);
                    if (event.target.checked) next.add(section.id);
                    else next.delete(section.id);
                    setExpanded(next);
                  }}
                />
                {t('rfp.sensitivity.showCriteria', { name: section.title })}
              </label>
              {expanded.has(section.id)
                ? records.criteria
                    .filter((criterion) => criterion.sectionId === section.id && criterion.kind !== 'knockout')
                    .sort((a, b) => a.order - b.order)
                    .map((criterion) =>
                      slider(criterion.id, criterion.title, criteria.get(criterion.id) ?? criterion.weight, (value) => {
                        setCriteria((current) => new Map(current).set(criterion.id, value));
                      }),
                    )
                : null}
            </div>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setSections(new Map());
              setCriteria(new Map());
            }}
          >
            {t('rfp.sensitivity.reset')}
          </button>
        </div>
        <div>
          <h3>{t('rfp.sensitivity.whatIfRanking')}</h3>
          <ol data-testid="what-if-ranking" aria-live="polite">
            {results.ranking.map((result) => (
              <li key={result.bidderId}>
                {names.get(result.bidderId) ?? result.bidderId}:{' '}
                {result.total === null ? t('rfp.results.noTotal') : formatNumber(result.total, userLocale, 1)}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
