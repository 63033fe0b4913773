import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeKpiAnalytics } from '../../../../../../renderer/src/features/kpi/analyticsSentences';
import type { AnalyticsFormatters } from '../../../../../../renderer/src/features/kpi/analyticsSentences';
import { formatKpiValue, formatNumber, formatPeriod } from '../../../../../../renderer/src/format';
import { en } from '../../../../../../renderer/src/i18n/en';
import { analyzeKpiSeries } from '../../../../../../shared/kpi/analytics';
import type { KpiAnalytics } from '../../../../../../shared/kpi/analytics';
import { addMonths } from '../../../../../../shared/domain/period';
import type { KpiUnit } from '../../../../../../shared/domain/types';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const locale = 'en-GB';

function formatters(unit: KpiUnit): AnalyticsFormatters {
  return {
    value: (value) => formatKpiValue(value, unit, locale),
    period: (period) => formatPeriod(period, locale),
    probability: (share) => new Intl.NumberFormat(locale, { style: 'percent' }).format(share),
    number: (value, digits) => formatNumber(value, locale, digits),
    list: (items) => new Intl.ListFormat(locale).format(items),
  };
}

function analyze(values: readonly (number | null)[], minimum: number | null, unit: KpiUnit = 'percent'): KpiAnalytics {
  return analyzeKpiSeries({
    points: values.map((value, index) => ({ period: addMonths('2015-04', index), value })),
    kpi: { direction: 'higherIsBetter', unit },
    minimumFor: minimum === null ? null : () => minimum,
  });
}

function describe_(analytics: KpiAnalytics, unit: KpiUnit = 'percent') {
  return describeKpiAnalytics(i18next.t, analytics, unit, formatters(unit));
}

describe('describeKpiAnalytics', () => {
  test('forecast sentence with interval and trend', () => {
    // An exact line falling 0.5 points a month from 98%: Oct 2015 is forecast at 95%.
    const { summary } = describe_(analyze([98, 97.5, 97, 96.5, 96, 95.5], 90));
    expect(summary).toContain(
      'Forecast for Oct 2015: 95.00% (80% interval 95.00% to 95.00%), trend falling 0.5 points a month, from the last 6 months with data.',
    );
  });

  test('control limits sentence', () => {
    const { summary, details } = describe_(analyze([10, 12, 11, 13, 12, 11, 10, 12, 13, 11], null, 'number'), 'number');
    expect(summary[0]).toBe('Control chart: mean 11.5, control limits 7.66 to 15.34, from 10 months with data.');
    expect(details).toContain('The control limits are provisional: they settle once 20 months have data.');
    expect(details).toContain('No run rule signals: every month is within the usual variation.');
    expect(details).toContain('No service level, so no probability of a miss.');
  });

  test('too few months say so', () => {
    const { summary, details } = describe_(analyze([95, null, 96, 97], 90));
    expect(summary).toEqual([
      'No control limits yet: they need at least 6 months with data and 5 pairs of consecutive months with data (found: 3 and 1).',
      'No forecast yet: a trend needs at least 6 months with data, and this KPI has 3.',
    ]);
    expect(details).toEqual(['No anomaly check yet: a month is compared with at least 6 months with data before it.']);
  });

  test('probability and forecast breach', () => {
    const { summary } = describe_(analyze([98, 97.5, 97, 96.5, 96, 95.5], 95.2));
    expect(summary).toContain('Probability that Oct 2015 misses the minimum service level of 95.20%: more than 99%.');
    expect(summary).toContain('On this trend, Oct 2015 misses the minimum service level: forecast 95.00% against 95.20%.');
  });

  test('small probability is not shown as zero', () => {
    const { summary } = describe_(analyze([98, 97.5, 97, 96.5, 96, 95.5], 80));
    expect(summary).toContain('Probability that Oct 2015 misses the minimum service level of 80.00%: less than 1%.');
  });

  test('probability in between is a percentage', () => {
    const { summary } = describe_(analyze([95, 97, 94, 96, 95, 98, 94, 96], 95.5));
    const line = summary.find((sentence) => sentence.startsWith('Probability'));
    expect(line).toMatch(/^Probability that Dec 2015 misses the minimum service level of 95\.50%: \d{1,2}%\.$/);
  });

  test('signal and anomaly sentences', () => {
    // Twelve steady months and a collapse: below the lower limit and far from the median.
    const { details } = describe_(analyze([95, 96, 95, 96, 95, 96, 95, 96, 95, 96, 95, 96, 80], 90));
    expect(details.some((sentence) => /^Apr 2016 is below the lower control limit of \d+\.\d\d%: an unusual month, for the worse\.$/.test(sentence))).toBe(
      true,
    );
    expect(details).toContain(
      'Apr 2016: 80.00% is 15.5 points below the typical 95.50% of the 12 months with data before it: unusual, for the worse.',
    );
  });

  test('run of months on one side', () => {
    const values = [90, 90, 90, 90, 90, 90, 90, 90, 99, 99, 99, 99, 99, 99, 99, 99];
    const { details } = describe_(analyze(values, null));
    expect(details).toContain('Apr 2015 to Nov 2015: 8 months in a row below the mean of 94.50%, a sustained shift for the worse.');
    expect(details).toContain('Dec 2015 to Jul 2016: 8 months in a row above the mean of 94.50%, a sustained shift for the better.');
  });

  test('clamped forecast is explained', () => {
    const { details } = describe_(analyze([95, 96, 97, 98, 99, 99.9], null));
    expect(details).toContain('Forecasts and intervals are kept within 0% to 100%, even where the trend line goes beyond.');
  });

  test('flat trend', () => {
    // Alternating 95, 96 over 8 months has a least-squares slope of 1/21 = 0.048 a month.
    const { summary } = describe_(analyze([95, 96, 95, 96, 95, 96, 95, 96], null));
    expect(summary.some((sentence) => sentence.includes('trend rising 0.05 points a month'))).toBe(true);
    const flat = describe_(analyze([95, 95, 95, 95, 95, 95], null));
    expect(flat.summary.some((sentence) => sentence.includes('trend flat'))).toBe(true);
  });
});
