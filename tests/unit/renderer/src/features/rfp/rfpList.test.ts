import { describe, expect, it } from 'vitest';
import { buildRfpListRows } from '../../../../../../renderer/src/features/rfp/rfpList';
import { ids, makeRfp } from './rfpFixture';

describe('buildRfpListRows', () => {
  it('counts bidders and names the winner', () => {
    const rfp = makeRfp('awarded');
    const awarded = { ...rfp.event, awardedBidderId: ids.bolt };
    const other = { ...rfp.event, id: 'rfp-2', title: 'Contact centre', phase: 'draft' as const };
    const strangers = [{ id: 'b-x', rfpId: 'rfp-3', name: 'Elsewhere', providerId: null }];
    const rows = buildRfpListRows([awarded, other], [...rfp.bidders, ...strangers]);
    expect(rows[0]).toMatchObject({ title: 'Payroll outsourcing', bidderCount: 3, winnerName: 'Bolt', phase: 'awarded' });
    expect(rows[1]).toMatchObject({ title: 'Contact centre', bidderCount: 0, winnerName: null });
  });
});
