import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import type { QuarterCreditsSummary } from '@shared/kpi/controlTower';
import { minorUnitDigits } from '@shared/rfp/money';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { formatMoneyMinor } from '../rfp/money';

interface QuarterCreditsPanelProps {
  readonly summary: QuarterCreditsSummary;
  readonly providerName: (providerId: Id) => string;
  readonly contractTitle: (contractId: Id) => string;
  /** Shows the note that the sample's contracts are invented. */
  readonly illustrative: boolean;
}

/** Contracts listed before "Show all": those that owe the most. */
const listedContracts = 10;

/**
 * Shows the service credits of the reporting month's quarter: totals per currency, then the
 * contracts that owe the most, each with a link to its provider, and the rest on request.
 */
export function QuarterCreditsPanel({ summary, providerName, contractTitle, illustrative }: QuarterCreditsPanelProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const [showAll, setShowAll] = useState(false);
  const owedFirst = useMemo(() => {
    const owed = (entry: (typeof summary.contracts)[number]) => (entry.quarter?.dueMinor ?? 0) + (entry.quarter?.pendingMinor ?? 0);
    // Amounts in different currencies are not compared: the list groups by currency, then by amount.
    return [...summary.contracts].sort((a, b) => a.currency.localeCompare(b.currency) || owed(b) - owed(a));
  }, [summary]);
  const listed = showAll ? owedFirst : owedFirst.slice(0, listedContracts);
  const currencies = useMemo(() => summary.totals.map((total) => total.currency), [summary.totals]);
  const money = useMoneyFormat(currencies);

  return (
    <section className="panel" aria-labelledby="quarter-credits-title" data-testid="control-tower-credits">
      <h2 id="quarter-credits-title">{t('controlTower.credits.title', { quarter: summary.label })}</h2>
      {illustrative ? (
        <p className="alert warning" data-testid="illustrative-note">
          {t('sample.illustrativeNote')}
        </p>
      ) : null}
      {summary.totals.length === 0 ? <p className="muted">{t('controlTower.credits.none')}</p> : null}
      <div className="stats">
        {summary.totals.map((total) => (
          <div className="stat" key={total.currency} data-testid={`credits-total-${total.currency}`}>
            {/* The same "owed" as the table below and the provider's ledger; pending earn-back is said apart. */}
            <strong>{money(total.dueMinor, total.currency)}</strong>
            {t('controlTower.credits.total', { count: total.contracts, currency: total.currency })}
            {total.pendingMinor > 0 ? (
              <span className="muted"> {t('controlTower.credits.pendingPart', { amount: money(total.pendingMinor, total.currency) })}</span>
            ) : null}
            {total.bonusMinor > 0 ? (
              <span className="muted"> {t('controlTower.credits.bonusPart', { amount: money(total.bonusMinor, total.currency) })}</span>
            ) : null}
          </div>
        ))}
      </div>
      {summary.contracts.length > 0 ? (
        <table className="compact-table" data-testid="credits-contracts">
          <thead>
            <tr>
              <th scope="col">{t('controlTower.colProvider')}</th>
              <th scope="col">{t('controlTower.credits.colContract')}</th>
              <th scope="col" className="numeric">
                {t('credits.colOwed')}
              </th>
              <th scope="col" className="numeric">
                {t('credits.colPending')}
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((entry) => (
              <tr key={entry.contractId} data-testid={`credits-row-${entry.providerId}`}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      navigate({ name: 'provider', providerId: entry.providerId });
                    }}
                  >
                    {providerName(entry.providerId)}
                  </button>
                </td>
                <td>{contractTitle(entry.contractId)}</td>
                <td className="numeric" data-testid="credits-owed">
                  {money(entry.quarter?.dueMinor ?? 0, entry.currency)}
                </td>
                <td className="numeric">{money(entry.quarter?.pendingMinor ?? 0, entry.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {owedFirst.length > listed.length ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setShowAll(true);
          }}
        >
          {t('controlTower.credits.showAll', { count: owedFirst.length })}
        </button>
      ) : null}
      {summary.notCalculable > 0 ? (
        <p className="muted">{t('controlTower.credits.notCalculable', { count: summary.notCalculable })}</p>
      ) : null}
    </section>
  );
}

/**
 * Returns a formatter of minor units that formats as `formatMoneyMinor` does, with one
 * `Intl.NumberFormat` per currency of `currencies` built up front: building one per amount took
 * tens of milliseconds for the hundreds of amounts of a large portfolio.
 */
function useMoneyFormat(currencies: readonly string[]): (amountMinor: number, currency: string) => string {
  return useMemo(() => {
    const formats = new Map(
      currencies.map((currency) => {
        const digits = minorUnitDigits(currency);
        const format = new Intl.NumberFormat(userLocale, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        return [currency, { format, digits }] as const;
      }),
    );
    return (amountMinor, currency) => {
      const entry = formats.get(currency);
      return entry === undefined
        ? formatMoneyMinor(amountMinor, currency, userLocale)
        : entry.format.format(amountMinor / 10 ** entry.digits);
    };
  }, [currencies]);
}
