import { describe, expect, test } from 'vitest';
import { listBreaches, summarizeProvider } from '../../../../shared/domain/kpiBreaches';
import { makeKpi, makeMeasurement, makeProvider, makeRatioMeasurement, makeServiceLevel } from './factories';

const answered = makeKpi('answered', { name: 'Answered' });
const abandoned = makeKpi('abandoned', { name: 'Abandoned', direction: 'lowerIsBetter' });
const episode = makeKpi('episode', { name: 'Episode', unit: 'seconds', kind: 'duration', aggregation: 'mean', direction: 'lowerIsBetter' });
const alpha = makeProvider('p-alpha', 'Alpha');
const beta = makeProvider('p-beta', 'Beta');

describe('summarizeProvider', () => {
  const levels = [makeServiceLevel('sl-alpha-answered', alpha.id, answered.id, 95), makeServiceLevel('sl-beta-answered', beta.id, answered.id, 90)];
  const measurements = [
    makeRatioMeasurement(alpha.id, answered.id, '2015-04', 90, 100),
    makeRatioMeasurement(alpha.id, answered.id, '2015-05', 99, 100),
    makeRatioMeasurement(alpha.id, answered.id, '2015-06', 0, 0),
    makeMeasurement(alpha.id, episode.id, '2015-04', 600),
    makeMeasurement(alpha.id, episode.id, '2015-05', 700),
    makeRatioMeasurement(beta.id, answered.id, '2015-04', 1, 100),
  ];
  const summaries = summarizeProvider(alpha.id, [answered, abandoned, episode], levels, measurements);

  test('one entry per level or measured KPI', () => {
    expect(summaries.map((summary) => [summary.kpiId, summary.serviceLevelId])).toEqual([
      [answered.id, 'sl-alpha-answered'],
      [episode.id, null],
    ]);
  });

  test('answered entry against its level', () => {
    expect(summaries[0]).toEqual({
      kpiId: answered.id,
      serviceLevelId: 'sl-alpha-answered',
      expected: 95,
      minimum: 95,
      latest: { period: '2015-05', value: 99 },
      aggregate: { value: (100 * 189) / 200, numerator: 189, denominator: 200, months: 2 },
      monthsInBreach: 1,
      monthsWithData: 2,
    });
  });

  test('KPI without level has no breaches', () => {
    expect(summaries[1]).toMatchObject({ expected: null, minimum: null, monthsInBreach: 0, aggregate: { value: 650, months: 2 } });
  });

  test('a level without data still listed', () => {
    const onlyLevel = summarizeProvider(beta.id, [abandoned], [makeServiceLevel('sl', beta.id, abandoned.id, 5)], []);
    expect(onlyLevel).toEqual([
      {
        kpiId: abandoned.id,
        serviceLevelId: 'sl',
        expected: 5,
        minimum: 5,
        latest: null,
        aggregate: { value: null, numerator: null, denominator: null, months: 0 },
        monthsInBreach: 0,
        monthsWithData: 0,
      },
    ]);
  });

  test('two levels give two entries', () => {
    const twoLevels = [makeServiceLevel('contract-a', alpha.id, answered.id, 95), makeServiceLevel('contract-b', alpha.id, answered.id, 80)];
    const result = summarizeProvider(alpha.id, [answered], twoLevels, measurements);
    expect(result.map((summary) => [summary.serviceLevelId, summary.monthsInBreach])).toEqual([
      ['contract-a', 1],
      ['contract-b', 0],
    ]);
  });
});

describe('listBreaches', () => {
  const gamma = makeProvider('p-gamma', 'Gamma');
  const levels = [
    makeServiceLevel('sl-a-ans', alpha.id, answered.id, 95),
    makeServiceLevel('sl-b-ans', beta.id, answered.id, 95),
    makeServiceLevel('sl-g-ans', gamma.id, answered.id, 95),
    makeServiceLevel('sl-a-ab', alpha.id, abandoned.id, 5),
  ];
  const measurements = [
    makeRatioMeasurement(alpha.id, answered.id, '2015-04', 855, 1000), // shortfall 0.1
    makeRatioMeasurement(alpha.id, answered.id, '2015-05', 96, 100), // met
    makeRatioMeasurement(beta.id, answered.id, '2015-04', 855, 1000), // shortfall 0.1, same as Alpha's April
    makeRatioMeasurement(gamma.id, answered.id, '2015-05', 855, 1000), // shortfall 0.1, later month
    makeRatioMeasurement(alpha.id, abandoned.id, '2015-04', 6, 100), // shortfall 0.2
    makeRatioMeasurement(alpha.id, abandoned.id, '2015-05', 0, 0), // no value
    makeRatioMeasurement('p-deleted', answered.id, '2015-04', 1, 100), // unknown provider
    makeRatioMeasurement(beta.id, episode.id, '2015-04', 1, 100), // KPI not listed
  ];
  const result = listBreaches([alpha, beta, gamma], [answered, abandoned], levels, measurements);

  test('worst first, then latest period, then provider name', () => {
    expect(result.rows.map((row) => [row.providerName, row.kpiName, row.period])).toEqual([
      ['Alpha', 'Abandoned', '2015-04'],
      ['Gamma', 'Answered', '2015-05'],
      ['Alpha', 'Answered', '2015-04'],
      ['Beta', 'Answered', '2015-04'],
    ]);
  });

  test('row carries value, minimum and shortfall', () => {
    expect(result.rows[0]).toEqual({
      providerId: alpha.id,
      providerName: 'Alpha',
      kpiId: abandoned.id,
      kpiName: 'Abandoned',
      serviceLevelId: 'sl-a-ab',
      period: '2015-04',
      value: 6,
      minimum: 5,
      shortfall: (6 - 5) / 5,
    });
  });

  test('counts by KPI', () => {
    expect(Object.fromEntries(result.countByKpi)).toEqual({ [answered.id]: 3, [abandoned.id]: 1 });
  });

  test('counts by provider', () => {
    expect(Object.fromEntries(result.countByProvider)).toEqual({ [alpha.id]: 2, [beta.id]: 1, [gamma.id]: 1 });
  });

  test('160,000 measurements all counted', () => {
    const providers = Array.from({ length: 100 }, (_, index) => makeProvider(`p${index}`, `Provider ${index}`));
    const kpis = Array.from({ length: 4 }, (_, index) => makeKpi(`k${index}`));
    const manyLevels = providers.flatMap((provider) => kpis.map((kpi) => makeServiceLevel(`${provider.id}-${kpi.id}`, provider.id, kpi.id, 95)));
    const many = [];
    for (let month = 0; month < 400; month += 1) {
      const period = `${1990 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      for (const provider of providers) {
        for (const kpi of kpis) {
          many.push(makeRatioMeasurement(provider.id, kpi.id, period, 900 + ((month * 7 + provider.id.length) % 100), 1000));
        }
      }
    }
    const breaches = listBreaches(providers, kpis, manyLevels, many);
    expect(many).toHaveLength(160_000);
    // Values run 90.0% to 99.9% in steps of 0.1, so 50 of every 100 months are below 95%.
    expect(breaches.rows).toHaveLength(80_000);
  });
});
