/**
 * Terms of the draft contract that an RFP award creates: the RFP's title and base currency, no
 * dates because the contract is not signed yet, and an annual value taken from the winner's price
 * bid.
 */
import { contractGovernanceDefaults } from '../domain/profileDefaults';
import { noCreditTerms } from '../domain/serviceTerms';
import type { ChargePeriod, RfpEventData } from '../domain/rfp';
import type { ContractData, Id } from '../domain/types';
import type { PriceBidInput } from './input';
import type { RfpIssue } from './issues';
import { rfpError } from './issues';
import { divideRounded, exactDecimal, minorUnitDigits, totalCostOfOwnership } from './money';

const periodsPerYear: Readonly<Record<ChargePeriod, number>> = { month: 12, quarter: 4, year: 1 };

/** Source of an awarded contract's annual value, or the reason it is `null`. */
export type AnnualValueSource =
  | {
      readonly kind: 'priceBid';
      /** Pricing round of the bid used: the winner's highest. */
      readonly round: number;
      readonly bidCurrency: string;
      /** Recurring charges for one year, in minor units of the bid currency, before conversion. */
      readonly recurringPerYearMinor: number;
      readonly exchangeRateToBase: number;
      /** Calendar date on which the exchange rate was quoted. */
      readonly exchangeRateDate: string;
    }
  /** The winner has no price bid in this portfolio. */
  | { readonly kind: 'noPriceBid' }
  /** The winner's highest round has one-time charges only. */
  | { readonly kind: 'noRecurringCharges'; readonly round: number }
  /** The highest round cannot be used, for the reason in `issue`. A TCO failure also leaves its price score blank. */
  | { readonly kind: 'unusableBid'; readonly round: number; readonly issue: RfpIssue }
  /**
   * The recurring charges for a year add up to less than zero, because credits exceed the
   * charges. A contract's annual value cannot be negative.
   */
  | { readonly kind: 'netCredit'; readonly round: number; readonly bidCurrency: string; readonly recurringPerYearMinor: number };

export interface AwardedContractTerms {
  /** Contract fields other than the provider, which the award sets. */
  readonly contract: Omit<ContractData, 'providerId'>;
  readonly annualValueSource: AnnualValueSource;
}

export type AwardedEvent = Pick<RfpEventData, 'title' | 'baseCurrency' | 'termMonths'>;

/**
 * Selects a bidder's highest pricing round: the bid that scoring uses. On equal rounds, which
 * validation rejects, the first one given wins, as in the scoring model.
 */
export function latestPriceBid<T extends Pick<PriceBidInput, 'bidderId' | 'round'>>(priceBids: readonly T[], bidderId: Id): T | null {
  let latest: T | null = null;
  for (const bid of priceBids) {
    if (bid.bidderId !== bidderId) continue;
    if (latest === null || bid.round > latest.round) latest = bid;
  }
  return latest;
}

/**
 * Computes the draft contract terms for an award to `winnerId`, from `priceBids` (the RFP's
 * bids; other bidders' bids are ignored).
 *
 * The annual value is the winner's recurring charges for one year from its highest pricing round:
 * 12 monthly, 4 quarterly or 1 yearly amount per charge. It is converted with the bid's exchange
 * rate into minor units of the base currency. The conversion is exact and is rounded once to the
 * nearest minor unit, halves away from zero, as `totalCostOfOwnership` rounds. One-time charges
 * are not part of it. It is `null` without a price bid, without recurring charges, for a bid that
 * cannot be used, and for a net credit.
 */
export function awardedContractTerms(event: AwardedEvent, winnerId: Id, priceBids: readonly PriceBidInput[]): AwardedContractTerms {
  const { source, annualValueMinor } = annualValueOf(event, latestPriceBid(priceBids, winnerId));
  return {
    contract: {
      title: event.title,
      startDate: null,
      endDate: null,
      currency: event.baseCurrency,
      annualValueMinor,
      ...noCreditTerms,
      ...contractGovernanceDefaults,
    },
    annualValueSource: source,
  };
}

function annualValueOf(event: AwardedEvent, bid: PriceBidInput | null): { source: AnnualValueSource; annualValueMinor: number | null } {
  if (bid === null) return { source: { kind: 'noPriceBid' }, annualValueMinor: null };
  const { round } = bid;

  // Reuses the TCO checks of amounts, exchange rate and term, so a bid whose TCO fails gives no contract value either.
  const tco = totalCostOfOwnership(bid, event.baseCurrency, event.termMonths, null);
  if (!tco.ok) return { source: { kind: 'unusableBid', round, issue: tco.issue }, annualValueMinor: null };
  if (bid.recurringCharges.length === 0) return { source: { kind: 'noRecurringCharges', round }, annualValueMinor: null };

  let perYear = 0n;
  for (const charge of bid.recurringCharges) perYear += BigInt(charge.amountMinor) * BigInt(periodsPerYear[charge.period]);
  const converted = toBaseMinor(perYear, bid.currency, bid.exchangeRateToBase, event.baseCurrency);
  for (const [field, value] of [
    ['recurringCharges', perYear],
    ['annualValueMinor', converted],
  ] as const) {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      const issue = rfpError('rfp.totalTooLarge', null, field, { value: value.toString() });
      return { source: { kind: 'unusableBid', round, issue }, annualValueMinor: null };
    }
  }

  const recurringPerYearMinor = Number(perYear);
  if (perYear < 0n) {
    return { source: { kind: 'netCredit', round, bidCurrency: bid.currency, recurringPerYearMinor }, annualValueMinor: null };
  }
  const source: AnnualValueSource = {
    kind: 'priceBid',
    round,
    bidCurrency: bid.currency,
    recurringPerYearMinor,
    exchangeRateToBase: bid.exchangeRateToBase,
    exchangeRateDate: bid.exchangeRateDate,
  };
  return { source, annualValueMinor: Number(converted) };
}

/**
 * Converts `amountMinor` minor units of `currency` to minor units of `baseCurrency`: the amount
 * times the rate read as the decimal it prints as, shifted by the difference in minor-unit
 * digits (a JPY amount into GBP gains two digits), rounded once.
 */
function toBaseMinor(amountMinor: bigint, currency: string, exchangeRateToBase: number, baseCurrency: string): bigint {
  const rate = exactDecimal(exchangeRateToBase);
  const digitShift = minorUnitDigits(baseCurrency) - minorUnitDigits(currency);
  const numerator = amountMinor * rate.mantissa * 10n ** BigInt(Math.max(0, digitShift));
  const denominator = 10n ** BigInt(rate.scale) * 10n ** BigInt(Math.max(0, -digitShift));
  return divideRounded(numerator, denominator);
}
