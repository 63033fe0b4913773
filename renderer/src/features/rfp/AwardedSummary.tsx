import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Contract, Provider } from '@shared/domain/types';
import type { AnnualValueSource } from '@shared/rfp/contractTerms';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { annualValueSourceOf } from './award';
import { AwardTransitionPlan } from './AwardTransitionPlan';
import { formatMoneyMinor } from './money';
import type { RfpRecords } from './rfpRecords';

/**
 * Shows an awarded RFP's winner and rationale, the winner's provider, the draft contract with its
 * annual value and intended term, and the transition plan of that contract or a form to create it.
 */
export function AwardedSummary({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const { event } = records;
  const winner = records.bidders.find((bidder) => bidder.id === event.awardedBidderId);
  const linked = useLiveQuery(
    async (): Promise<{ provider: Provider | undefined; contract: Contract | undefined }> => ({
      provider: winner === undefined || winner.providerId === null ? undefined : await db.providers.get(winner.providerId),
      contract: event.awardedContractId === null ? undefined : await db.contracts.get(event.awardedContractId),
    }),
    [db, winner?.providerId, event.awardedContractId],
  );

  return (
    <section className="panel" aria-labelledby="awarded-title" data-testid="award-summary">
      <h2 id="awarded-title">{t('rfp.award.title')}</h2>
      <p>{t('rfp.award.done', { name: winner?.name ?? '', reason: event.awardReason })}</p>
      {linked?.provider === undefined ? null : (
        <p>
          {t('rfp.award.provider', { name: linked.provider.name })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              if (linked.provider !== undefined) navigate({ name: 'provider', providerId: linked.provider.id });
            }}
          >
            {t('rfp.award.openProvider')}
          </button>
        </p>
      )}
      {linked === undefined ? null : linked.contract === undefined ? (
        <p className="muted">{t('rfp.award.contractMissing')}</p>
      ) : (
        <ContractTerms records={records} contract={linked.contract} />
      )}
      <AwardTransitionPlan event={event} />
    </section>
  );
}

function ContractTerms({ records, contract }: { readonly records: RfpRecords; readonly contract: Contract }) {
  const { t } = useTranslation();
  const source = annualValueSourceOf(records, contract);
  const value = contract.annualValueMinor;

  return (
    <div data-testid="award-contract">
      <p>
        {contract.startDate === null
          ? t('rfp.award.contract', { title: contract.title })
          : t('rfp.award.signedContract', { title: contract.title })}
      </p>
      <p data-testid="award-contract-value">
        {value === null
          ? t('rfp.award.annualValueNotRecorded')
          : t('rfp.award.annualValue', { value: formatMoneyMinor(value, contract.currency, userLocale) })}
      </p>
      {source === null ? null : <p className="muted">{explainSource(t, source, records.event.baseCurrency)}</p>}
      <p>{t('rfp.award.term', { count: records.event.termMonths })}</p>
    </div>
  );
}

/** Builds the sentence that names the source of the annual value, or the reason there is none. */
function explainSource(t: TFunction, source: AnnualValueSource, baseCurrency: string): string {
  switch (source.kind) {
    case 'priceBid': {
      const perYear = formatMoneyMinor(source.recurringPerYearMinor, source.bidCurrency, userLocale);
      if (source.bidCurrency === baseCurrency) return t('rfp.award.valueFromBid', { round: source.round, perYear });
      return t('rfp.award.valueFromConvertedBid', {
        round: source.round,
        perYear,
        rate: formatNumber(source.exchangeRateToBase, userLocale, 6),
        base: baseCurrency,
        currency: source.bidCurrency,
        date: source.exchangeRateDate,
      });
    }
    case 'noPriceBid':
      return t('rfp.award.valueReasons.noPriceBid');
    case 'noRecurringCharges':
      return t('rfp.award.valueReasons.noRecurringCharges', { round: source.round });
    case 'unusableBid':
      return t('rfp.award.valueReasons.unusableBid', { round: source.round });
    case 'netCredit':
      return t('rfp.award.valueReasons.netCredit', {
        round: source.round,
        credit: formatMoneyMinor(-source.recurringPerYearMinor, source.bidCurrency, userLocale),
      });
  }
}
