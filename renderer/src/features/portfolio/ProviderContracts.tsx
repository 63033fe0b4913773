import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, Id, ServiceLevel } from '@shared/domain/types';
import { atRiskAmountMinor } from '@shared/kpi/creditsAmounts';
import { CalendarDateText } from '../../components/CalendarDateText';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { formatMoneyMinor } from '../rfp/money';
import { localToday } from '../plans/roadmapOption';
import { ProviderProcesses } from '../processes/ProviderProcesses';
import { AddContractForm } from './AddContractForm';
import { ContractDetails } from './ContractDetails';
import { ContractTermsForm } from './ContractTermsForm';
import { buildContractRows } from './contractRows';
import type { ContractRow } from './contractRows';
import { usePortfolioDb } from './portfolioContext';

/** Sum of the allocations of the contract's critical service levels, in percent; it may exceed 100. */
function criticalAllocation(levels: readonly ServiceLevel[], contractId: Id): { readonly percent: number; readonly levels: number } {
  let percent = 0;
  let count = 0;
  for (const level of levels) {
    if (level.contractId !== contractId || !level.critical) continue;
    count += 1;
    percent += level.allocationPercent ?? 0;
  }
  return { percent, levels: count };
}

/**
 * Contracts section of a provider's screen: one row per contract with its monthly charges, the
 * share at risk, the at-risk amount (the monthly cap of credits) and the total allocation of its
 * critical service levels, then the governance terms of each contract. A draft contract links
 * to the RFP award that created it. The provider's processes follow in a section of their own.
 */
export function ProviderContracts({ providerId, providerName }: { readonly providerId: Id; readonly providerName: string }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const loaded = useLiveQuery(async () => {
    const [contracts, awarded, levels, kpis, cadences] = await Promise.all([
      db.contracts.where('providerId').equals(providerId).toArray(),
      db.rfpEvents.where('phase').equals('awarded').toArray(),
      db.serviceLevels.filter((level) => level.providerId === providerId).toArray(),
      db.kpis.toArray(),
      db.meetingCadences.where('providerId').equals(providerId).toArray(),
    ]);
    return {
      rows: buildContractRows(contracts, awarded),
      contracts: new Map(contracts.map((contract) => [contract.id, contract])),
      levels,
      kpis: new Map(kpis.map((kpi) => [kpi.id, kpi])),
      cadences,
    };
  }, [db, providerId]);
  const rows = loaded?.rows;
  const [today] = useState(() => localToday());

  return (
    <>
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
                <th scope="col">{t('contractTerms.colMonthlyCharges')}</th>
                <th scope="col">{t('contractTerms.colAtRisk')}</th>
                <th scope="col">{t('contractTerms.colCap')}</th>
                <th scope="col">{t('contractTerms.colAllocation')}</th>
                <th scope="col">{t('contractTerms.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const contract = loaded?.contracts.get(row.id);
                return contract === undefined ? null : (
                  <ContractTableRow key={row.id} row={row} contract={contract} levels={loaded?.levels ?? []} />
                );
              })}
            </tbody>
          </table>
        )}
        {loaded === undefined
          ? null
          : rows?.map((row) => {
              const contract = loaded.contracts.get(row.id);
              return contract === undefined ? null : (
                <ContractDetails
                  key={row.id}
                  contract={contract}
                  levels={loaded.levels.filter((level) => level.contractId === contract.id)}
                  kpis={loaded.kpis}
                  cadences={loaded.cadences.filter((cadence) => cadence.contractId === contract.id)}
                  today={today}
                />
              );
            })}
        <AddContractForm providerId={providerId} />
      </section>
      {/* NOTE: The provider's processes show here because this brief may not edit ProviderDetail; they belong beside the contracts there. */}
      <ProviderProcesses providerId={providerId} />
    </>
  );
}

interface ContractTableRowProps {
  readonly row: ContractRow;
  readonly contract: Contract;
  /** The provider's service levels; those linked to this contract count towards its allocation. */
  readonly levels: readonly ServiceLevel[];
}

function ContractTableRow({ row, contract, levels }: ContractTableRowProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const [editing, setEditing] = useState(false);
  const notSet = <span className="muted">{t('provider.contracts.noDate')}</span>;
  const notEntered = <span className="muted">{t('contractTerms.notEntered')}</span>;
  const draft = row.draftFromRfp;
  const money = (amountMinor: number) => formatMoneyMinor(amountMinor, contract.currency, userLocale);
  const cap =
    contract.monthlyChargesMinor === null || contract.atRiskPercent === null
      ? null
      : atRiskAmountMinor(contract.monthlyChargesMinor, contract.atRiskPercent);
  const allocation = criticalAllocation(levels, contract.id);

  return (
    <Fragment>
      <tr data-testid={`contract-row-${contract.id}`}>
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
        <td>{row.startDate === null ? notSet : <CalendarDateText date={row.startDate} />}</td>
        <td>{row.endDate === null ? notSet : <CalendarDateText date={row.endDate} />}</td>
        <td>{row.currency}</td>
        <td className="cell-numeric">
          {row.annualValueMinor === null ? (
            <span className="muted">{t('provider.contracts.notRecorded')}</span>
          ) : (
            formatMoneyMinor(row.annualValueMinor, row.currency, userLocale)
          )}
        </td>
        <td className="cell-numeric" data-testid="monthly-charges">
          {contract.monthlyChargesMinor === null ? notEntered : money(contract.monthlyChargesMinor)}
        </td>
        <td className="cell-numeric" data-testid="at-risk-percent">
          {contract.atRiskPercent === null
            ? notEntered
            : t('contractTerms.percent', { value: formatNumber(contract.atRiskPercent, userLocale, 2) })}
        </td>
        <td className="cell-numeric" data-testid="monthly-cap">
          {cap === null ? notEntered : money(cap)}
        </td>
        <td className="cell-numeric" data-testid="critical-allocation">
          {allocation.levels === 0
            ? t('contractTerms.noCriticalLevels')
            : t('contractTerms.allocationTotal', { value: formatNumber(allocation.percent, userLocale, 2), count: allocation.levels })}
        </td>
        <td>
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => {
              setEditing(!editing);
            }}
          >
            {t('contractTerms.edit', { title: contract.title })}
          </button>
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={10}>
            <ContractTermsForm
              contract={contract}
              onClose={() => {
                setEditing(false);
              }}
            />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
