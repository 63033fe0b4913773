/** Columns of the service credits ledger: quarter, credits owed, pending earn-back, waived, capped, bonuses. */
import type { TFunction } from 'i18next';
import type { QuarterCredits } from '@shared/kpi/creditsTypes';
import { listColumnHelper } from '../../components/tableFeatures';
import { formatMoneyMinor } from '../rfp/money';

const column = listColumnHelper<QuarterCredits>();

export const ledgerColumnSizes: readonly string[] = ['8rem', 'minmax(9rem, 1fr)', 'minmax(9rem, 1fr)', 'minmax(9rem, 1fr)', 'minmax(9rem, 1fr)', 'minmax(8rem, 1fr)'];

type MoneyField = 'dueMinor' | 'pendingMinor' | 'waivedMinor' | 'cappedMinor' | 'bonusMinor';

export function buildLedgerColumns(t: TFunction, currency: string, locale: string) {
  const moneyColumn = (field: MoneyField, header: string) =>
    column.accessor(field, {
      header,
      sortFn: 'basic',
      cell: (info) => <span className="cell-numeric">{formatMoneyMinor(info.getValue(), currency, locale)}</span>,
    });
  return [
    column.accessor('label', { header: t('credits.colQuarter'), sortFn: 'alphanumeric' }),
    moneyColumn('dueMinor', t('credits.colOwed')),
    moneyColumn('pendingMinor', t('credits.colPending')),
    moneyColumn('waivedMinor', t('credits.colWaived')),
    moneyColumn('cappedMinor', t('credits.colCapped')),
    moneyColumn('bonusMinor', t('credits.colBonus')),
  ];
}
