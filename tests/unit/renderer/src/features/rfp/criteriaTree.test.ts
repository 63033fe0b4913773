import { describe, expect, it } from 'vitest';
import { bpoTemplate } from '@shared/rfp/templates/bpo';
import { instantiateTemplate } from '@shared/rfp/templates';
import { buildCriteriaTree, formatPercentTenths } from '../../../../../../renderer/src/features/rfp/criteriaTree';
import type { CriterionTreeRow } from '../../../../../../renderer/src/features/rfp/criteriaTree';
import { ids, makeRfp } from './rfpFixture';

describe('buildCriteriaTree', () => {
  it('shows entered weights beside effective shares', () => {
    const rfp = makeRfp('draft');
    const tree = buildCriteriaTree(rfp.sections, rfp.criteria);
    expect(tree.rows.map((row) => row.id)).toEqual([ids.service, ids.quality, ids.staffing, ids.iso, ids.cost, ids.price]);
    const quality = tree.rows[1] as CriterionTreeRow;
    expect(quality.enteredWeight).toBe(2);
    expect(quality.percentTenths).toBe(400);
    expect(tree.rows[0]?.percentTenths).toBe(600);
    expect(tree.totalTenths).toBe(1000);
  });

  it('carries orders and scales for editing', () => {
    const rfp = makeRfp('draft');
    const rows = buildCriteriaTree(rfp.sections, rfp.criteria).rows;
    const service = rfp.sections.find((section) => section.id === ids.service);
    expect(rows[0]?.order).toBe(service?.order);
    const quality = rows[1] as CriterionTreeRow;
    expect(quality.scale).toBe(rfp.criteria.find((criterion) => criterion.id === ids.quality)?.scale);
    const iso = rows.find((row) => row.id === ids.iso) as CriterionTreeRow;
    expect(iso.scale).toBeNull();
  });

  it('gives knockouts no weight', () => {
    const rfp = makeRfp('draft');
    const iso = buildCriteriaTree(rfp.sections, rfp.criteria).rows.find((row) => row.id === ids.iso) as CriterionTreeRow;
    expect(iso.kind).toBe('knockout');
    expect(iso.enteredWeight).toBeNull();
    expect(iso.percentTenths).toBeNull();
  });

  it('sums the BPO template to 100.0%', () => {
    let next = 0;
    const tree = instantiateTemplate(bpoTemplate, { rfpId: 'r', newId: () => String(next++) });
    const view = buildCriteriaTree(tree.sections, tree.criteria);
    const criterionTenths = view.rows.filter((row) => row.type === 'criterion').reduce((sum, row) => sum + (row.percentTenths ?? 0), 0);
    expect(view.totalTenths).toBe(1000);
    expect(criterionTenths).toBe(1000);
    const scored = view.rows.find((row): row is CriterionTreeRow => row.type === 'criterion' && row.kind === 'scored');
    expect(scored?.levels).toHaveLength(6);
  });

  it('has no share without weights', () => {
    const rfp = makeRfp('draft');
    const zero = rfp.sections.map((section) => ({ ...section, weight: 0 }));
    expect(buildCriteriaTree(zero, rfp.criteria).totalTenths).toBe(0);
  });
});

describe('formatPercentTenths', () => {
  it('formats tenths', () => {
    expect(formatPercentTenths(125, 'en-GB')).toBe('12.5%');
  });
});
