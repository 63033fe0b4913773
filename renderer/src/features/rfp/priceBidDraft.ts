/**
 * The price-bid form's text fields: filled from a bidder's latest stored bid, and read back into
 * a price bid with one message key per wrong field. The exchange rate is only asked for when the
 * bid's currency differs from the RFP's base currency, and then it has no default.
 */
import type { PriceBidData } from '@shared/domain/rfp';
import { minorUnitDigits } from '@shared/rfp/money';
import { parseExchangeRate, parseMajorAmount } from './money';

/** Text of each field of the price-bid form, as typed. */
export interface PriceDraft {
  readonly bidderId: string;
  readonly round: string;
  readonly currency: string;
  readonly oneTime: string;
  readonly monthly: string;
  readonly rate: string;
  readonly rateDate: string;
}

/** One wrong field of the price-bid form, as the i18n key of its message under `rfp.setup.priceErrors`. */
export type PriceFieldError =
  | 'bidderMissing'
  | 'roundInvalid'
  | 'currencyInvalid'
  | 'oneTimeNotNumber'
  | 'monthlyNotNumber'
  | 'rateMissing'
  | 'rateNotPositive'
  | 'rateDateMissing';

/** The figures of a price bid that the form reads; a stored bid satisfies it. */
export type PriceBidFigures = Pick<
  PriceBidData,
  'bidderId' | 'round' | 'currency' | 'oneTimeCharges' | 'recurringCharges' | 'exchangeRateToBase' | 'exchangeRateDate'
>;

/** Returns the normalised ISO 4217 code typed in the currency field (trimmed, upper case). */
export function draftCurrency(draft: PriceDraft): string {
  return draft.currency.trim().toUpperCase();
}

/** Returns true when the draft's currency differs from `base`, so that the form shows the exchange rate and its date fields. */
export function needsExchangeRate(draft: PriceDraft, base: string): boolean {
  return draftCurrency(draft) !== base.toUpperCase();
}

/** Returns the highest-round bid of `bidderId` (the one scoring uses), or `undefined` when the bidder has none. */
export function latestBidOf<Bid extends PriceBidFigures>(bids: readonly Bid[], bidderId: string): Bid | undefined {
  let latest: Bid | undefined;
  for (const bid of bids) {
    if (bid.bidderId === bidderId && (latest === undefined || bid.round > latest.round)) latest = bid;
  }
  return latest;
}

/**
 * Returns the form's fields for `bidderId`: the figures of its latest bid, or empty amounts in the
 * base currency when it has none (or when no bidder is chosen). The rate and its date stay empty
 * unless the bid is in a foreign currency and records them.
 *
 * NOTE: the form has one one-time fee and one monthly charge, so several one-time charges show as
 * their sum and quarterly or yearly charges are left out of the monthly field.
 */
export function draftForBidder(bids: readonly PriceBidFigures[], bidderId: string, base: string): PriceDraft {
  const latest = bidderId === '' ? undefined : latestBidOf(bids, bidderId);
  if (latest === undefined) {
    return { bidderId, round: '1', currency: base, oneTime: '', monthly: '', rate: '', rateDate: '' };
  }
  const oneTime = latest.oneTimeCharges.reduce((sum, charge) => sum + charge.amountMinor, 0);
  const monthlyCharges = latest.recurringCharges.filter((charge) => charge.period === 'month');
  const monthly = monthlyCharges.reduce((sum, charge) => sum + charge.amountMinor, 0);
  const foreign = latest.currency !== base;
  return {
    bidderId,
    round: String(latest.round),
    currency: latest.currency,
    oneTime: latest.oneTimeCharges.length === 0 ? '' : majorAmountText(oneTime, latest.currency),
    monthly: monthlyCharges.length === 0 ? '' : majorAmountText(monthly, latest.currency),
    rate: foreign ? String(latest.exchangeRateToBase) : '',
    rateDate: foreign ? latest.exchangeRateDate : '',
  };
}

/** Writes minor units as plain major-unit text that `parseMajorAmount` reads back, for example 123450 GBP as `1234.50`. */
export function majorAmountText(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}

/** Figures read from a valid draft, in minor units of the bid currency. */
export interface ParsedPriceDraft {
  readonly bidderId: string;
  readonly round: number;
  readonly currency: string;
  readonly oneTimeMinor: number;
  readonly monthlyMinor: number;
  /** Base-currency units per bid-currency unit; exactly 1 when the currencies match. */
  readonly exchangeRateToBase: number;
  readonly exchangeRateDate: string;
}

export type PriceDraftResult =
  | { readonly ok: true; readonly bid: ParsedPriceDraft }
  | { readonly ok: false; readonly errors: readonly PriceFieldError[] };

/**
 * Reads the draft against the RFP's `base` currency. A bid in the base currency gets rate 1 dated
 * `today` whatever the rate fields hold. A foreign-currency bid must carry a typed rate and date.
 */
export function readPriceDraft(draft: PriceDraft, base: string, today: string): PriceDraftResult {
  const currency = draftCurrency(draft);
  const validCurrency = /^[A-Z]{3}$/.test(currency);
  const foreign = currency !== base.toUpperCase();
  const readAmount = (text: string): number | null => {
    if (text.trim() === '') return 0;
    return validCurrency ? parseMajorAmount(text, currency) : null;
  };
  const oneTime = readAmount(draft.oneTime);
  const monthly = readAmount(draft.monthly);
  const round = Number(draft.round);
  const rateText = draft.rate.trim();
  const rate = foreign ? parseExchangeRate(rateText) : 1;
  const rateDate = foreign ? draft.rateDate.trim() : today;

  const errors: PriceFieldError[] = [];
  if (draft.bidderId === '') errors.push('bidderMissing');
  if (draft.round.trim() === '' || !Number.isSafeInteger(round) || round < 1) errors.push('roundInvalid');
  if (!validCurrency) errors.push('currencyInvalid');
  if (validCurrency && oneTime === null) errors.push('oneTimeNotNumber');
  if (validCurrency && monthly === null) errors.push('monthlyNotNumber');
  if (validCurrency && foreign && rateText === '') errors.push('rateMissing');
  else if (validCurrency && rate === null) errors.push('rateNotPositive');
  if (validCurrency && foreign && rateDate === '') errors.push('rateDateMissing');
  if (errors.length > 0 || oneTime === null || monthly === null || rate === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    bid: {
      bidderId: draft.bidderId,
      round,
      currency,
      oneTimeMinor: oneTime,
      monthlyMinor: monthly,
      exchangeRateToBase: rate,
      exchangeRateDate: rateDate,
    },
  };
}

/** Returns the form's fields for a bid just read from the form, as `draftForBidder` would show it once stored. */
export function draftFromParsed(bid: ParsedPriceDraft, base: string): PriceDraft {
  const foreign = bid.currency !== base;
  return {
    bidderId: bid.bidderId,
    round: String(bid.round),
    currency: bid.currency,
    oneTime: bid.oneTimeMinor === 0 ? '' : majorAmountText(bid.oneTimeMinor, bid.currency),
    monthly: bid.monthlyMinor === 0 ? '' : majorAmountText(bid.monthlyMinor, bid.currency),
    rate: foreign ? String(bid.exchangeRateToBase) : '',
    rateDate: foreign ? bid.exchangeRateDate : '',
  };
}
