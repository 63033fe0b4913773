/** Plausible monthly results of the library's KPIs, drawn from the seeded generator. */
import type { MeasurementData } from '../../shared/domain/types';
import type { LibraryKpi } from './kpiLibrary';
import type { SeededRandom } from './random';

/** Share of ratio months with no volume at all, which the app stores as a `null` value. */
const emptyMonthShare = 0.002;

/** The result fields of a measurement: value, numerator and denominator. */
export type ResultFields = Pick<MeasurementData, 'value' | 'numerator' | 'denominator'>;

/**
 * Draws one month's result of `kpi` for a provider whose results sit `bias` standard
 * deviations away from the KPI's typical result (positive is better).
 */
export function drawResult(random: SeededRandom, kpi: LibraryKpi, bias: number): ResultFields {
  const { typical, spread, volume } = kpi.results;
  const better = kpi.data.direction === 'higherIsBetter' ? 1 : -1;
  const centre = typical + better * bias * spread;

  switch (kpi.data.kind) {
    case 'ratio': {
      if (random.chance(emptyMonthShare)) return { value: null, numerator: 0, denominator: 0 };
      const denominator = random.int(volume[0], volume[1]);
      const percent = Math.min(100, Math.max(0, random.normal(centre, spread)));
      const numerator = Math.round((denominator * percent) / 100);
      return { value: (100 * numerator) / denominator, numerator, denominator };
    }
    case 'duration':
      return { value: Math.max(1, Math.round(random.normal(centre, spread))), numerator: null, denominator: null };
    case 'count':
      return { value: Math.max(0, Math.round(random.normal(centre, spread))), numerator: null, denominator: null };
    case 'value':
      return { value: Math.round(random.normal(centre, spread) * 100) / 100, numerator: null, denominator: null };
  }
}
