import { describe, expect, it } from 'vitest';
import type { RiskScore } from '../../../../shared/domain/governance';
import { riskFromPreset, riskPresetFor, riskPresets } from '../../../../shared/governance/riskPresets';
import {
  buildRiskHeatmap,
  heatmapCell,
  isDueForReview,
  ratingOfScore,
  riskRating,
  riskScore,
  riskScores,
} from '../../../../shared/governance/riskMatrix';
import { makeRisk } from './factories';

describe('riskScore and riskRating', () => {
  it('multiplies likelihood by impact', () => {
    expect(riskScore({ likelihood: 2, impact: 4 })).toBe(8);
    expect(riskScore({ likelihood: 5, impact: 5 })).toBe(25);
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
  });

  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [20, 'critical'],
    [25, 'critical'],
  ] as const)('rates score %i as %s', (score, rating) => {
    expect(ratingOfScore(score)).toBe(rating);
  });

  it('rates every cell of the matrix by its band', () => {
    const bands = { low: [1, 4], medium: [5, 9], high: [10, 16], critical: [20, 25] } as const;
    for (const likelihood of riskScores) {
      for (const impact of riskScores) {
        const score = likelihood * impact;
        const [min, max] = bands[riskRating({ likelihood, impact })];
        expect(score).toBeGreaterThanOrEqual(min);
        expect(score).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('isDueForReview', () => {
  const today = '2024-04-10';

  it('is due on and after the review date', () => {
    expect(isDueForReview(makeRisk('r1', { reviewDate: '2024-04-10' }), today)).toBe(true);
    expect(isDueForReview(makeRisk('r1', { reviewDate: '2024-03-31' }), today)).toBe(true);
  });

  it('is not due before the review date', () => {
    expect(isDueForReview(makeRisk('r1', { reviewDate: '2024-04-11' }), today)).toBe(false);
  });

  it('is never due without a review date', () => {
    expect(isDueForReview(makeRisk('r1', { reviewDate: null }), today)).toBe(false);
  });

  it('is never due once closed', () => {
    expect(isDueForReview(makeRisk('r1', { reviewDate: '2024-01-01', status: 'closed' }), today)).toBe(false);
    expect(isDueForReview(makeRisk('r1', { reviewDate: '2024-01-01', status: 'accepted' }), today)).toBe(true);
    expect(isDueForReview(makeRisk('r1', { reviewDate: '2024-01-01', status: 'mitigating' }), today)).toBe(true);
  });
});

describe('buildRiskHeatmap', () => {
  it('has 25 cells in likelihood-then-impact order', () => {
    const heatmap = buildRiskHeatmap([]);
    expect(heatmap.rows).toHaveLength(5);
    heatmap.rows.forEach((row, rowIndex) => {
      expect(row).toHaveLength(5);
      row.forEach((cell, columnIndex) => {
        expect(cell.likelihood).toBe(rowIndex + 1);
        expect(cell.impact).toBe(columnIndex + 1);
        expect(cell.score).toBe((rowIndex + 1) * (columnIndex + 1));
        expect(cell.count).toBe(0);
      });
    });
    expect(heatmap.total).toBe(0);
  });

  it('places risks in their cell and leaves closed ones out', () => {
    const risks = [
      makeRisk('a', { likelihood: 4, impact: 2 }),
      makeRisk('b', { likelihood: 4, impact: 2, status: 'mitigating' }),
      makeRisk('c', { likelihood: 2, impact: 4 }),
      makeRisk('d', { likelihood: 4, impact: 2, status: 'closed' }),
      makeRisk('e', { likelihood: 5, impact: 5, status: 'accepted' }),
    ];
    const heatmap = buildRiskHeatmap(risks);

    expect(heatmapCell(heatmap, 4, 2)).toMatchObject({ count: 2, riskIds: ['a', 'b'], rating: 'medium' });
    expect(heatmapCell(heatmap, 2, 4)).toMatchObject({ count: 1, riskIds: ['c'] });
    expect(heatmapCell(heatmap, 5, 5)).toMatchObject({ count: 1, riskIds: ['e'], rating: 'critical' });
    expect(heatmap.total).toBe(4);
    const placed = heatmap.rows.flat().flatMap((cell) => cell.riskIds);
    expect(placed).not.toContain('d');
    expect(placed).toHaveLength(4);
  });

  it('skips a risk with a score off the scale', () => {
    const broken = makeRisk('x', { likelihood: 6 as RiskScore, impact: 2 });
    const heatmap = buildRiskHeatmap([broken, makeRisk('y', { likelihood: 1, impact: 1 })]);
    expect(heatmap.total).toBe(1);
    expect(heatmap.rows.flat().flatMap((cell) => cell.riskIds)).toEqual(['y']);
  });
});

describe('riskPresets', () => {
  it('covers every category except other', () => {
    expect(riskPresets.map((preset) => preset.key).sort()).toEqual(
      [
        'attrition',
        'countryRisk',
        'dataProtection',
        'disasterRecovery',
        'financialDistress',
        'providerConcentration',
        'regulatoryChange',
      ].sort(),
    );
    expect(riskPresetFor('other')).toBeNull();
  });

  it('names i18n keys after the preset', () => {
    const preset = riskPresetFor('attrition');
    expect(preset).toMatchObject({
      category: 'attrition',
      titleKey: 'governance.riskPresets.attrition.title',
      descriptionKey: 'governance.riskPresets.attrition.description',
      mitigationKey: 'governance.riskPresets.attrition.mitigation',
    });
  });

  it('suggests scores on the 1 to 5 scale', () => {
    for (const preset of riskPresets) {
      expect(riskScores).toContain(preset.likelihood);
      expect(riskScores).toContain(preset.impact);
    }
  });

  it('fills a new risk through the translate function', () => {
    const preset = riskPresetFor('dataProtection');
    if (preset === null) throw new Error('data protection preset missing');
    const filled = riskFromPreset(preset, (key) => `[${key}]`);
    expect(filled).toEqual({
      category: 'dataProtection',
      likelihood: 3,
      impact: 5,
      title: '[governance.riskPresets.dataProtection.title]',
      description: '[governance.riskPresets.dataProtection.description]',
      mitigation: '[governance.riskPresets.dataProtection.mitigation]',
    });
  });
});
