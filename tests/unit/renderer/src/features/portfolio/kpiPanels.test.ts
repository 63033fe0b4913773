import { describe, expect, it } from 'vitest';
import { missingMonthsShown, providerPeriods } from '../../../../../../renderer/src/features/portfolio/kpiPanels';
import { makeMeasurement } from '../../../../shared/domain/factories';

const month = (providerId: string, period: string) => makeMeasurement(providerId, 'k1', period, 90);

describe('providerPeriods', () => {
  it('spans the provider’s own months', () => {
    const measurements = [month('north', '2025-01'), month('north', '2025-04'), month('south', '2024-06')];
    expect(providerPeriods(measurements, 'north')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
  });

  it('extends to a recent portfolio month', () => {
    const measurements = [month('north', '2015-04'), month('north', '2015-09'), month('south', '2016-03')];
    expect(providerPeriods(measurements, 'north').at(-1)).toBe('2016-03');
    expect(providerPeriods(measurements, 'north')).toHaveLength(12);
  });

  it('keeps old data to its span', () => {
    const measurements = [month('north', '2015-04'), month('north', '2016-03'), month('south', '2025-04')];
    expect(providerPeriods(measurements, 'north')).toHaveLength(12);
    expect(providerPeriods(measurements, 'north').at(-1)).toBe('2016-03');
  });

  it('stops at the limit', () => {
    const atLimit = [month('north', '2025-01'), month('south', '2026-01')];
    expect(providerPeriods(atLimit, 'north')).toHaveLength(missingMonthsShown + 1);
    const beyond = [month('north', '2025-01'), month('south', '2026-02')];
    expect(providerPeriods(beyond, 'north')).toEqual(['2025-01']);
  });

  it('empty without measurements', () => {
    expect(providerPeriods([month('south', '2025-01')], 'north')).toEqual([]);
  });
});
