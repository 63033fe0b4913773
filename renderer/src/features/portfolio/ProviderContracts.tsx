import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { formatMoneyMinor } from '../rfp/money';
import { buildContractRows } from './contractRows';
import type { ContractRow } from './contractRows';
import { usePortfolioDb } from './portfolioContext';

/** Contracts section of a provider's screen: one row per contract, with a draft contract linked to the RFP award that created it. */
export function ProviderContracts({ providerId, providerName }: { readonly providerId: Id; readonly providerName: string }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const rows = useLiveQuery(async () => {
    const [contracts, awarded] = await Promise.all([
      db.contracts.where('providerId').equals(providerId).toArray(),
      db.rfpEvents.where('phase').equals('awarded').toArray(),
    ]);
    return buildContractRows(contracts, awarded);
  }, [db, providerId]);

  return (
    <section className="panel" aria-labelledby="provider-contracts-title" data-testid="provider-contracts">
      <h2 id="provider-contracts-title">{t('provider.contracts.title')}</h2>
      {rows === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {rows?.length === 0 ? <p className="muted">{t('provider.contracts.none')}</p> : null}
      {rows === undefined || rows.length === 0 ? null : (
        <table className="results-table" aria-label={t('provider.contracts.tableLabel', { name: providerName })}>
          <thead>
            <tr>
              <th scope="col">{t('provider.contracts.colTitle')}</th>
              <th scope="col">{t('provider.contracts.colStart')}</th>
              <th scope="col">{t('provider.contracts.colEnd')}</th>
              <th scope="col">{t('provider.contracts.colCurrency')}</th>
              <th scope="col">{t('provider.contracts.colAnnualValue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ContractTableRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ContractTableRow({ row }: { readonly row: ContractRow }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const notSet = <span className="muted">{t('provider.contracts.noDate')}</span>;
  const draft = row.draftFromRfp;

  return (
    <tr>
      <th scope="row">
        {row.title}
        {draft === null ? null : (
          <>
            {' '}
            <span className="kind-badge">{t('provider.contracts.draft')}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigate({ name: 'rfp', rfpId: draft.rfpId, tab: 'award' });
              }}
            >
              {t('provider.contracts.awardedIn', { title: draft.rfpTitle })}
            </button>
          </>
        )}
      </th>
      <td>{row.startDate ?? notSet}</td>
      <td>{row.endDate ?? notSet}</td>
      <td>{row.currency}</td>
      <td className="cell-numeric">
        {row.annualValueMinor === null ? (
          <span className="muted">{t('provider.contracts.notRecorded')}</span>
        ) : (
          formatMoneyMinor(row.annualValueMinor, row.currency, userLocale)
        )}
      </td>
    </tr>
  );
}
