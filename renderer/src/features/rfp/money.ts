/**
 * Money on the RFP screens: amounts in minor units shown with their own currency through
 * `Intl.NumberFormat`, and amounts typed in major units read back into minor units.
 */
import { minorUnitDigits } from '@shared/rfp/money';

const moneyFormatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats `amountMinor` minor units of `currency`, for example 123456 GBP as `£1,234.56` in en-GB.
 * Formatters are shared per locale and currency, because building one costs far more than formatting.
 */
export function formatMoneyMinor(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const key = `${locale}|${currency}`;
  let formatter = moneyFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormatters.set(key, formatter);
  }
  return formatter.format(amountMinor / 10 ** digits);
}

/**
 * Reads an amount typed in major units (`1234.5`, `-200`, `1,234.50` with thousands commas)
 * into minor units of `currency`. Returns `null` for text that is not such an amount or has
 * more decimals than the currency's minor unit.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const compact = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(compact);
  if (match === null) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' ? -minor : minor;
}

/** Reads an exchange rate (base-currency units per one bid-currency unit); `null` unless a positive finite number. */
export function parseExchangeRate(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const rate = Number(trimmed);
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}
