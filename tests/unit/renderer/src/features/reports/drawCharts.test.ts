import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, reportSectionKeys } from '../../../../../../shared/reports';
import { en } from '../../../../../../renderer/src/i18n/en';
import { drawCharts } from '../../../../../../renderer/src/features/reports/drawCharts';
import { goldenSnapshot } from '../../../../shared/file/goldenSnapshot';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const pack = buildReport(
  { snapshot: goldenSnapshot },
  {
    scope: { kind: 'portfolio' },
    period: { kind: 'quarter', year: 2015, quarter: 2 },
    sections: reportSectionKeys,
    withoutCommercialTerms: false,
    today: '2026-02-15',
    generatedAt: '2026-02-15T10:00:00.000Z',
  },
);
const resolved = () => Promise.resolve();

describe('drawCharts', () => {
  it('draws every level chart and Gantt excerpt', async () => {
    const rendered = await drawCharts(pack, i18next.t, 'en-GB', new AbortController().signal, () => undefined, resolved);
    expect(rendered.levelCharts.size).toBe(2);
    expect(rendered.gantts.size).toBeGreaterThan(0);
    expect([...rendered.levelCharts.values()].every((svg) => svg.startsWith('<svg'))).toBe(true);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pause = () => {
      controller.abort(new Error('cancelled by the test'));
      return Promise.resolve();
    };
    await expect(drawCharts(pack, i18next.t, 'en-GB', controller.signal, () => undefined, pause)).rejects.toThrow('cancelled by the test');
  });
});
