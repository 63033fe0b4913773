/**
 * Total cost of ownership (TCO) of a price bid: one-time charges plus recurring charges over the
 * contract term, converted to the RFP's base currency as an integer number of minor units.
 *
 * The sum is kept exact, in BigInt twelfths of a minor unit, because a yearly or quarterly charge
 * over a term of whole months can end in a fraction. It is rounded once, at the end, to the
 * nearest minor unit, with halves rounded away from zero. The exchange rate is read as the
 * decimal it prints as (`String(0.8523)` is `"0.8523"`), so a typed rate is used exactly.
 */
import type { ChargePeriod, PriceBidData } from '../domain/rfp';
import type { RfpIssue } from './issues';
import { rfpError } from './issues';

/**
 * ISO 4217 currencies whose minor unit is not a hundredth (the "minor unit" column of the
 * standard's list); every other code has 2 decimal digits.
 */
const minorDigitsExceptions: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Number of decimal digits of the currency's minor unit: 2 for GBP (pence), 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return minorDigitsExceptions[currency] ?? 2;
}

/** Checks the form of an ISO 4217 code: three capital letters. It does not check that the code is assigned. */
export function isCurrencyCode(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency);
}

const monthsPerPeriod: Readonly<Record<ChargePeriod, number>> = { month: 1, quarter: 3, year: 12 };

export type PriceBidCharges = Pick<
  PriceBidData,
  'currency' | 'oneTimeCharges' | 'recurringCharges' | 'exchangeRateToBase' | 'exchangeRateDate'
>;

export interface TotalCostOfOwnership {
  /** Bid currency. */
  readonly currency: string;
  /** Sum of the one-time charges, in minor units of the bid currency. */
  readonly oneTimeMinor: number;
  /** Recurring charges over the whole term, in minor units of the bid currency, rounded. */
  readonly recurringMinor: number;
  /** TCO in minor units of the bid currency, rounded once from the exact sum. */
  readonly totalMinor: number;
  readonly baseCurrency: string;
  /** TCO in minor units of the base currency, converted from the exact sum and rounded once. */
  readonly baseTotalMinor: number;
  readonly exchangeRateToBase: number;
  readonly exchangeRateDate: string;
}

export type TcoResult = { readonly ok: true; readonly tco: TotalCostOfOwnership } | { readonly ok: false; readonly issue: RfpIssue };

/**
 * Computes a bid's TCO over `termMonths`. A recurring charge counts `termMonths / months per
 * period` times, so a yearly charge over an 18-month term counts one and a half times. Fails
 * with an issue naming the field for a non-integer amount, a non-positive rate, a rate other
 * than 1 between equal currencies, a term that is not a positive whole number, or a total
 * beyond `Number.MAX_SAFE_INTEGER` minor units.
 */
export function totalCostOfOwnership(
  bid: PriceBidCharges,
  baseCurrency: string,
  termMonths: number,
  recordId: string | null = null,
): TcoResult {
  if (!Number.isSafeInteger(termMonths) || termMonths <= 0) {
    return { ok: false, issue: rfpError('rfp.invalidTerm', null, 'termMonths', { value: String(termMonths) }) };
  }
  const rateIssue = checkRate(bid, baseCurrency, recordId);
  if (rateIssue !== null) {
    return { ok: false, issue: rateIssue };
  }

  let oneTime = 0n;
  for (const [index, charge] of bid.oneTimeCharges.entries()) {
    if (!Number.isSafeInteger(charge.amountMinor)) {
      return {
        ok: false,
        issue: rfpError('rfp.invalidAmount', recordId, `oneTimeCharges.${index}.amountMinor`, { value: String(charge.amountMinor) }),
      };
    }
    oneTime += BigInt(charge.amountMinor);
  }

  // Twelfths of a minor unit: a charge per period of p months over the term is amount * term / p = amount * term * (12 / p) / 12.
  let recurringTwelfths = 0n;
  for (const [index, charge] of bid.recurringCharges.entries()) {
    if (!Number.isSafeInteger(charge.amountMinor)) {
      return {
        ok: false,
        issue: rfpError('rfp.invalidAmount', recordId, `recurringCharges.${index}.amountMinor`, { value: String(charge.amountMinor) }),
      };
    }
    recurringTwelfths += BigInt(charge.amountMinor) * BigInt(termMonths) * BigInt(12 / monthsPerPeriod[charge.period]);
  }

  const totalTwelfths = oneTime * 12n + recurringTwelfths;
  const rate = exactDecimal(bid.exchangeRateToBase);
  const digitShift = minorUnitDigits(baseCurrency) - minorUnitDigits(bid.currency);
  const numerator = totalTwelfths * rate.mantissa * 10n ** BigInt(Math.max(0, digitShift));
  const denominator = 12n * 10n ** BigInt(rate.scale) * 10n ** BigInt(Math.max(0, -digitShift));

  const values = {
    oneTimeMinor: oneTime,
    recurringMinor: divideRounded(recurringTwelfths, 12n),
    totalMinor: divideRounded(totalTwelfths, 12n),
    baseTotalMinor: divideRounded(numerator, denominator),
  };
  for (const [field, value] of Object.entries(values)) {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      return { ok: false, issue: rfpError('rfp.totalTooLarge', recordId, field, { value: value.toString() }) };
    }
  }

  return {
    ok: true,
    tco: {
      currency: bid.currency,
      oneTimeMinor: Number(values.oneTimeMinor),
      recurringMinor: Number(values.recurringMinor),
      totalMinor: Number(values.totalMinor),
      baseCurrency,
      baseTotalMinor: Number(values.baseTotalMinor),
      exchangeRateToBase: bid.exchangeRateToBase,
      exchangeRateDate: bid.exchangeRateDate,
    },
  };
}

function checkRate(bid: PriceBidCharges, baseCurrency: string, recordId: string | null): RfpIssue | null {
  const rate = bid.exchangeRateToBase;
  if (!Number.isFinite(rate) || rate <= 0) {
    return rfpError('rfp.invalidExchangeRate', recordId, 'exchangeRateToBase', { value: String(rate) });
  }
  if (bid.currency === baseCurrency && rate !== 1) {
    return rfpError('rfp.exchangeRateNotOne', recordId, 'exchangeRateToBase', { value: String(rate), currency: bid.currency });
  }
  return null;
}

/** Converts a finite non-negative number to `mantissa / 10^scale`, from its shortest round-trip decimal form. */
export function exactDecimal(value: number): { readonly mantissa: bigint; readonly scale: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) {
    throw new RangeError(`exactDecimal needs a finite non-negative number, got ${String(value)}`);
  }
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  let mantissa = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa, scale };
}

/** Divides and rounds to the nearest integer, halves away from zero. `denominator` must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const absoluteRemainder = remainder < 0n ? -remainder : remainder;
  if (2n * absoluteRemainder >= denominator) {
    return numerator < 0n ? quotient - 1n : quotient + 1n;
  }
  return quotient;
}
