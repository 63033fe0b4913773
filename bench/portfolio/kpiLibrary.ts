/**
 * KPIs of the benchmark portfolio: the usual service levels of four kinds of business process
 * outsourcing, each split by channel, country or priority as contracts split them. Every
 * entry also has a model for drawing plausible monthly results.
 */
import type { KpiAggregation, KpiDefinitionData, KpiDirection, KpiKind, KpiUnit } from '../../shared/domain/types';

export type ServiceType = 'contactCentre' | 'payroll' | 'accountsPayable' | 'itServiceDesk';

export const serviceTypes: readonly ServiceType[] = ['contactCentre', 'payroll', 'accountsPayable', 'itServiceDesk'];

/** Distribution from which the generator draws one month's result of a KPI. */
export interface ResultModel {
  /** Typical result in the KPI's unit: a percentage for ratios. */
  readonly typical: number;
  /** Standard deviation of the monthly result around `typical`. */
  readonly spread: number;
  /** Lowest and highest monthly volume (the denominator of a ratio). Unused for other kinds. */
  readonly volume: readonly [number, number];
}

export interface LibraryKpi {
  readonly serviceType: ServiceType;
  readonly data: KpiDefinitionData;
  readonly results: ResultModel;
  /** Service level a contract sets: expected and minimum, in the KPI's unit. */
  readonly expected: number;
  readonly minimum: number;
}

interface Metric {
  readonly slug: string;
  readonly name: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly kind: KpiKind;
  readonly aggregation: KpiAggregation;
  readonly results: ResultModel;
  readonly expected: number;
  readonly minimum: number;
}

function ratio(slug: string, name: string, direction: KpiDirection, typical: number, expected: number, minimum: number): Metric {
  return {
    slug,
    name,
    unit: 'percent',
    direction,
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    results: { typical, spread: 2.5, volume: [400, 60_000] },
    expected,
    minimum,
  };
}

const contactCentre: readonly Metric[] = [
  ratio('answeredInTarget', 'Contacts answered within target time', 'higherIsBetter', 88, 90, 85),
  ratio('abandoned', 'Contacts abandoned', 'lowerIsBetter', 4, 3, 5),
  ratio('firstContactResolution', 'First contact resolution', 'higherIsBetter', 74, 75, 70),
  {
    slug: 'averageHandlingTime',
    name: 'Average handling time',
    unit: 'seconds',
    direction: 'lowerIsBetter',
    kind: 'duration',
    aggregation: 'mean',
    results: { typical: 310, spread: 35, volume: [0, 0] },
    expected: 300,
    minimum: 360,
  },
  {
    slug: 'customerSatisfaction',
    name: 'Customer satisfaction score (1 to 5)',
    unit: 'number',
    direction: 'higherIsBetter',
    kind: 'value',
    aggregation: 'mean',
    results: { typical: 4.2, spread: 0.2, volume: [0, 0] },
    expected: 4.3,
    minimum: 4,
  },
  ratio('qualityPass', 'Quality monitoring pass rate', 'higherIsBetter', 93, 95, 90),
];

const payroll: readonly Metric[] = [
  ratio('accuracy', 'Payroll accuracy', 'higherIsBetter', 99.6, 99.5, 99),
  ratio('payslipsOnTime', 'Payslips issued on time', 'higherIsBetter', 99.2, 99.5, 98),
  ratio('queriesResolved', 'Employee queries resolved within 2 working days', 'higherIsBetter', 91, 92, 85),
];

const accountsPayable: readonly Metric[] = [
  ratio('invoicesInTime', 'Invoices processed within 5 working days', 'higherIsBetter', 94, 95, 90),
  ratio('firstPassMatch', 'First-pass three-way match rate', 'higherIsBetter', 82, 85, 78),
  {
    slug: 'duplicatePayments',
    name: 'Duplicate payments',
    unit: 'number',
    direction: 'lowerIsBetter',
    kind: 'count',
    aggregation: 'sum',
    results: { typical: 2, spread: 1.5, volume: [0, 0] },
    expected: 0,
    minimum: 3,
  },
  ratio('vendorQueries', 'Supplier queries answered within 1 working day', 'higherIsBetter', 90, 90, 85),
];

const itServiceDesk: readonly Metric[] = [
  ratio('resolvedInTarget', 'Incidents resolved within target time', 'higherIsBetter', 92, 95, 90),
  {
    slug: 'meanTimeToRestore',
    name: 'Mean time to restore service',
    unit: 'seconds',
    direction: 'lowerIsBetter',
    kind: 'duration',
    aggregation: 'mean',
    results: { typical: 9_000, spread: 1_800, volume: [0, 0] },
    expected: 7_200,
    minimum: 14_400,
  },
  {
    slug: 'backlogOver30Days',
    name: 'Open tickets older than 30 days',
    unit: 'number',
    direction: 'lowerIsBetter',
    kind: 'count',
    aggregation: 'last',
    results: { typical: 40, spread: 15, volume: [0, 0] },
    expected: 25,
    minimum: 60,
  },
  ratio('firstCallResolution', 'First call resolution', 'higherIsBetter', 68, 70, 60),
];

/** Splits of each service type: contracts set a service level per channel, country or priority. */
const splits: Readonly<
  Record<ServiceType, { readonly metrics: readonly Metric[]; readonly variants: readonly string[]; readonly label: string }>
> = {
  contactCentre: { metrics: contactCentre, variants: ['voice', 'email', 'chat'], label: 'Contact centre' },
  payroll: { metrics: payroll, variants: ['uk', 'eu', 'us', 'apac'], label: 'Payroll' },
  accountsPayable: { metrics: accountsPayable, variants: ['uk', 'eu', 'us'], label: 'Accounts payable' },
  itServiceDesk: { metrics: itServiceDesk, variants: ['p1', 'p2', 'p3', 'p4'], label: 'IT service desk' },
};

function buildLibrary(): LibraryKpi[] {
  const library: LibraryKpi[] = [];
  for (const serviceType of serviceTypes) {
    const { metrics, variants, label } = splits[serviceType];
    for (const metric of metrics) {
      for (const variant of variants) {
        library.push({
          serviceType,
          data: {
            key: `bench.${serviceType}.${metric.slug}.${variant}`,
            name: `${metric.name} (${variant.toUpperCase()})`,
            description: `${label}: ${metric.name.toLowerCase()}, ${variant.toUpperCase()} only.`,
            unit: metric.unit,
            direction: metric.direction,
            kind: metric.kind,
            aggregation: metric.aggregation,
          },
          results: metric.results,
          expected: metric.expected,
          minimum: metric.minimum,
        });
      }
    }
  }
  return library;
}

/** Every KPI of the library, 58 in all, in a fixed order. */
export const kpiLibrary: readonly LibraryKpi[] = buildLibrary();
