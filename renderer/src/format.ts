/**
 * Locale formatting of numbers, months and durations through `Intl`. Months are formatted in
 * UTC from their `YYYY-MM` string, so the label is the same in every time zone.
 */
import type { KpiUnit, Period } from '@shared/domain/types';

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

function monthFormatter(locale: string, month: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${locale}|${month}`;
  let formatter = monthFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', month, timeZone: 'UTC' });
    monthFormatters.set(key, formatter);
  }
  return formatter;
}

/** Formats `2015-04` as, in English, `Apr 2015`. */
export function formatPeriod(period: Period, locale: string, month: 'short' | 'long' = 'short'): string {
  const year = Number(period.slice(0, 4));
  const monthIndex = Number(period.slice(5, 7)) - 1;
  return monthFormatter(locale, month).format(new Date(Date.UTC(year, monthIndex, 1)));
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormatter(locale, maximumFractionDigits).format(value);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** Returns a shared formatter: building one costs far more than formatting, and grids format every visible cell. */
function numberFormatter(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${String(maximumFractionDigits)}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormatters.set(key, formatter);
  }
  return formatter;
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** Returns a shared formatter of shares (0.5 is 50%) with exactly two decimals, because building one costs far more than formatting. */
function percentFormatter(locale: string): Intl.NumberFormat {
  let formatter = percentFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    percentFormatters.set(locale, formatter);
  }
  return formatter;
}

/** Formats seconds as `H:MM:SS`, or `M:SS` under an hour. */
export function formatDuration(totalSeconds: number): string {
  const rounded = Math.round(totalSeconds);
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const seconds = rounded % 60;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Formats a KPI value in its unit; percentages keep two decimals so near-misses stay visible. */
export function formatKpiValue(value: number, unit: KpiUnit, locale: string): string {
  switch (unit) {
    case 'percent':
      return percentFormatter(locale).format(value / 100);
    case 'seconds':
      // `m:ss` alone reads like a clock time, so the unit is spelled out.
      return value >= 3600 ? `${formatDuration(value)} h` : `${formatDuration(value)} min`;
    case 'number':
      return formatNumber(value, locale, 2);
  }
}
