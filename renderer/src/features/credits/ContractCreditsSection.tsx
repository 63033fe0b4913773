import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractCredits, MonthCredits } from '@shared/kpi/creditsTypes';
import { DataTable } from '../../components/DataTable';
import { formatPeriod } from '../../format';
import { formatMoneyMinor } from '../rfp/money';
import { buildLedgerColumns, ledgerColumnSizes } from './creditLedgerColumns';
import { earnBackSentence, levelIssueSentences, lineSentence, monthNotes, termsSentences } from './creditSentences';
import type { CreditTextContext } from './creditSentences';

const ledgerRowHeight = 36;
const ledgerHeaderHeight = 44;
const ledgerVisibleRows = 8;

/** Shows one contract's service credits: its terms or what to enter, the ledger by quarter and each month's lines. */
export function ContractCreditsSection({ title, credits, context }: { readonly title: string; readonly credits: ContractCredits; readonly context: CreditTextContext }) {
  const { t } = useTranslation();
  const terms = termsSentences(context, credits.terms);
  const levelIssues = levelIssueSentences(context, credits.levels);
  const hasCriticalLevel = credits.levels.some((level) => level.critical);
  const columns = useMemo(() => buildLedgerColumns(t, credits.currency, context.locale), [t, credits.currency, context.locale]);
  const newestFirst = useMemo(() => [...credits.months].reverse(), [credits.months]);
  const ledgerHeight = `${String(Math.min(credits.quarters.length, ledgerVisibleRows) * ledgerRowHeight + ledgerHeaderHeight)}px`;

  return (
    <section className="credits-contract" aria-label={title} data-testid={`credits-contract-${credits.contractId}`}>
      <h3>{title}</h3>
      {terms.ok ? (
        <p data-testid="credits-terms">{terms.sentences[0]}</p>
      ) : (
        <div className="alert warning" role="status" data-testid="credits-cannot-calculate">
          <p>{t('credits.cannotCalculate')}</p>
          <ul>
            {terms.sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      )}
      {hasCriticalLevel ? null : <p className="alert warning">{t('credits.noCriticalLevels')}</p>}
      {levelIssues.length > 0 ? (
        <ul className="muted" data-testid="credits-level-issues">
          {levelIssues.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : null}

      {credits.months.length === 0 ? (
        hasCriticalLevel ? (
          <p className="muted">{t('credits.noMonths')}</p>
        ) : null
      ) : (
        <>
          <h4>{t('credits.ledgerTitle')}</h4>
          <div className="credits-ledger">
            <DataTable
              testId="credits-ledger"
              label={t('credits.ledgerLabel', { title })}
              data={credits.quarters}
              columns={columns}
              columnSizes={ledgerColumnSizes}
              getRowId={(row) => row.label}
              emptyMessage={t('credits.ledgerEmpty')}
              height={ledgerHeight}
            />
          </div>
          <h4>{t('credits.monthsTitle')}</h4>
          {newestFirst.map((month) => (
            <CreditMonth key={month.period} month={month} context={context} />
          ))}
        </>
      )}
    </section>
  );
}

/** Shows a month as a disclosure with the total in its summary. The lines are rendered only while it is open. */
function CreditMonth({ month, context }: { readonly month: MonthCredits; readonly context: CreditTextContext }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const money = (amountMinor: number) => formatMoneyMinor(amountMinor, context.currency, context.locale);

  return (
    <details
      className="credits-month"
      data-testid={`credits-month-${month.period}`}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary>
        {t('credits.monthSummary', { month: formatPeriod(month.period, context.locale), owed: money(month.afterCapMinor) })}
        {month.cappedMinor > 0 ? <span className="kind-badge credits-badge-capped">{t('credits.monthCapped')}</span> : null}
        {month.pendingMinor > 0 ? <span className="kind-badge">{t('credits.monthPending', { amount: money(month.pendingMinor) })}</span> : null}
        {month.bonusMinor > 0 ? <span className="kind-badge">{t('credits.monthBonus', { amount: money(month.bonusMinor) })}</span> : null}
      </summary>
      {open ? (
        <>
          <ul className="credits-lines">
            {month.lines.map((line) => {
              const earnBack = earnBackSentence(context, line.earnBack, line.kpiId);
              return (
                <li key={line.serviceLevelId} className={`credits-line credits-line-${line.code}`} data-code={line.code}>
                  {lineSentence(context, line)}
                  {earnBack === null ? null : <span className="credits-earn-back"> {earnBack}</span>}
                </li>
              );
            })}
          </ul>
          {monthNotes(context, month).map((note) => (
            <p key={note} className="credits-note">
              {note}
            </p>
          ))}
        </>
      ) : null}
    </details>
  );
}
