/**
 * Built-in preset for the NHS 111 Minimum Data Set monthly files published by NHS England
 * (one row per provider and month). Only the columns of the original data set are mapped.
 */
import type { KpiDefinitionData } from '../../domain/types';
import type { MappingPreset } from '../types';

export const nhs111KpiKeys = {
  answeredWithin60s: 'nhs111.answeredWithin60s',
  abandonedCalls: 'nhs111.abandonedCalls',
  callBackWithin10min: 'nhs111.callBackWithin10min',
  averageEpisodeLength: 'nhs111.averageEpisodeLength',
} as const;

const kpis: readonly KpiDefinitionData[] = [
  {
    key: nhs111KpiKeys.answeredWithin60s,
    name: 'Calls answered within 60 seconds',
    description: 'Share of answered calls that were answered within 60 seconds.',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  },
  {
    key: nhs111KpiKeys.abandonedCalls,
    name: 'Calls abandoned',
    description: 'Share of calls offered that the caller abandoned after waiting longer than 30 seconds.',
    unit: 'percent',
    direction: 'lowerIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  },
  {
    key: nhs111KpiKeys.callBackWithin10min,
    name: 'Call-backs within 10 minutes',
    description: 'Share of callers offered a call-back who were called back within 10 minutes.',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  },
  {
    key: nhs111KpiKeys.averageEpisodeLength,
    name: 'Average episode length',
    description: 'Mean length of a call episode, as the provider reports it to the data set.',
    unit: 'seconds',
    direction: 'lowerIsBetter',
    kind: 'duration',
    aggregation: 'mean',
  },
];

export const nhs111Preset: MappingPreset = {
  id: 'builtIn.nhs111',
  name: 'NHS 111 Minimum Data Set',
  builtIn: true,
  mapping: {
    providerCode: 'Provider Org Code',
    providerName: 'Provider Name',
    period: 'Periodname',
    kpis: [
      {
        kpiKey: nhs111KpiKeys.answeredWithin60s,
        source: { kind: 'ratio', numerator: 'Nhs1 Answered 60sec SUM', denominator: 'Nhs1 Answered Calls SUM' },
      },
      {
        kpiKey: nhs111KpiKeys.abandonedCalls,
        source: { kind: 'ratio', numerator: 'Nhs1 Abandoned Calls SUM', denominator: 'Nhs1 Number Calls Offered SUM' },
      },
      {
        kpiKey: nhs111KpiKeys.callBackWithin10min,
        source: { kind: 'ratio', numerator: 'Nhs1 Calls Back Within 10mins SUM', denominator: 'Nhs1 Person Offered Call Back SUM' },
      },
      {
        kpiKey: nhs111KpiKeys.averageEpisodeLength,
        source: { kind: 'value', column: 'Nhs1 Ave Episode Length SUM' },
      },
    ],
  },
  kpis,
  // Call-backs within 10 minutes and episode length have no level: the source names no national standard for them.
  serviceLevels: [
    { kpiKey: nhs111KpiKeys.answeredWithin60s, expected: 95, minimum: 95 },
    { kpiKey: nhs111KpiKeys.abandonedCalls, expected: 5, minimum: 5 },
  ],
  sourceNote:
    'At least 95% of calls answered within 60 seconds and less than 5% of calls abandoned are the targets ' +
    "that NHS England's NHS 111 statistics releases report against (for example the July 2014 release). " +
    'They are national standards, not contract terms.',
};
