/**
 * A portfolio created from a file gets its escalations at once, as after a measurement import, so
 * that its first opening does not have to run the rules over the whole file.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import type { PortfolioSnapshot } from '../../../../../../shared/sync/snapshot';
import { goldenIds, goldenSnapshot } from '../../../../shared/file/goldenSnapshot';

vi.hoisted(() => {
  // The platform module reads `window.steerwise`; see scopedExport.test.ts.
  vi.stubGlobal('window', globalThis);
});

const { createPortfolioFromFile } = await import('../../../../../../renderer/src/features/sync/syncActions');

/** The golden portfolio as a file that carries its critical levels and April's miss, but no escalation yet. */
const withoutEscalations: PortfolioSnapshot = {
  ...goldenSnapshot,
  portfolioId: '019c1d94-8000-7000-8000-0000000000f1',
  records: { ...goldenSnapshot.records, escalations: [], escalationEvents: [] },
};

describe('createPortfolioFromFile', () => {
  it('opens the escalations of the file’s missed critical months', async () => {
    await createPortfolioFromFile(withoutEscalations);
    const db = await openPortfolioDb(withoutEscalations.portfolioId);
    try {
      const escalations = await db.escalations.toArray();
      expect(escalations.map((escalation) => [escalation.serviceLevelId, escalation.openedPeriod, escalation.level])).toEqual([
        [goldenIds.northEastAnswered, '2015-04', 1],
      ]);
      expect(await db.escalationEvents.where('escalationId').equals(escalations[0]?.id ?? '').count()).toBe(1);
    } finally {
      db.close();
    }
  });
});
