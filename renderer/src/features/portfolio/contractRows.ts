/** Rows of the Contracts section of a provider's screen, with the RFP award that created a draft contract. */
import type { RfpEvent } from '@shared/domain/rfp';
import type { CalendarDate, Contract, Id } from '@shared/domain/types';

export interface ContractRow {
  readonly id: Id;
  readonly title: string;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  /** ISO 4217 code of the annual value. */
  readonly currency: string;
  /** Annual value in minor units of `currency`, or `null` when none was entered or the portfolio came without commercial terms. */
  readonly annualValueMinor: number | null;
  /**
   * The awarded RFP whose `awardedContractId` names this contract, while the contract has no
   * start date, so it is still the unsigned draft that the award created. `null` otherwise.
   */
  readonly draftFromRfp: { readonly rfpId: Id; readonly rfpTitle: string } | null;
}

export type ContractFields = Pick<Contract, 'id' | 'title' | 'startDate' | 'endDate' | 'currency' | 'annualValueMinor'>;
export type AwardedRfp = Pick<RfpEvent, 'id' | 'title' | 'phase' | 'awardedContractId'>;

/**
 * Builds one row per contract, ordered by start date with contracts without one (drafts) last,
 * then by title and id. `rfps` may contain every RFP of the portfolio, and only awarded ones count.
 */
export function buildContractRows(contracts: readonly ContractFields[], rfps: readonly AwardedRfp[]): ContractRow[] {
  const awardedBy = new Map<Id, AwardedRfp>();
  for (const rfp of rfps) {
    if (rfp.phase === 'awarded' && rfp.awardedContractId !== null) awardedBy.set(rfp.awardedContractId, rfp);
  }

  const rows = contracts.map((contract): ContractRow => {
    const rfp = contract.startDate === null ? awardedBy.get(contract.id) : undefined;
    return {
      id: contract.id,
      title: contract.title,
      startDate: contract.startDate,
      endDate: contract.endDate,
      currency: contract.currency,
      annualValueMinor: contract.annualValueMinor,
      draftFromRfp: rfp === undefined ? null : { rfpId: rfp.id, rfpTitle: rfp.title },
    };
  });
  return rows.sort(compareRows);
}

function compareRows(a: ContractRow, b: ContractRow): number {
  if (a.startDate !== b.startDate) {
    if (a.startDate === null) return 1;
    if (b.startDate === null) return -1;
    // ISO calendar dates compare correctly as strings.
    return a.startDate < b.startDate ? -1 : 1;
  }
  const byTitle = a.title.localeCompare(b.title);
  if (byTitle !== 0) return byTitle;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
