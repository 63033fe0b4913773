import { describe, expect, it } from 'vitest';
import { buildControlTowerSummary, defaultSelection } from '../../../../../../shared/kpi/controlTowerSummary';
import { sameVersionVector, summaryCacheKey, summaryCacheVersion, summaryFreshness } from '../../../../../../renderer/src/features/dashboard/summaryCache';
import type { SummaryCacheEntry } from '../../../../../../renderer/src/features/dashboard/summaryCache';

const today = '2026-12-05';
const vector = { a1b2c3d4e5f6: '0001966d95c00-0000-a1b2c3d4e5f6', f6e5d4c3b2a1: '0001966d95c01-0002-f6e5d4c3b2a1' };
const summary = buildControlTowerSummary({ providers: [], kpis: [], serviceLevels: [], measurements: [], contracts: [], escalations: [], today }, defaultSelection);
const entry: SummaryCacheEntry = { key: summaryCacheKey, value: { cacheVersion: summaryCacheVersion, summary, versionVector: vector, today } };

describe('sameVersionVector', () => {
  it('ignores key order', () => {
    expect(sameVersionVector(vector, { f6e5d4c3b2a1: vector.f6e5d4c3b2a1, a1b2c3d4e5f6: vector.a1b2c3d4e5f6 })).toBe(true);
  });

  it('detects a raised clock', () => {
    expect(sameVersionVector(vector, { ...vector, a1b2c3d4e5f6: '0001966d95c02-0000-a1b2c3d4e5f6' })).toBe(false);
  });

  it('detects a new device', () => {
    expect(sameVersionVector(vector, { ...vector, abcdefabcdef: '0001966d95c02-0000-abcdefabcdef' })).toBe(false);
  });

  it('detects a missing device', () => {
    expect(sameVersionVector(vector, { a1b2c3d4e5f6: vector.a1b2c3d4e5f6 })).toBe(false);
  });
});

describe('summaryFreshness', () => {
  it('is missing without an entry', () => {
    expect(summaryFreshness(null, vector, today)).toBe('missing');
  });

  it('is fresh for same vector and day', () => {
    expect(summaryFreshness(entry, { ...vector }, today)).toBe('fresh');
  });

  it('is stale after a write', () => {
    expect(summaryFreshness(entry, { ...vector, a1b2c3d4e5f6: '0001966d95c02-0000-a1b2c3d4e5f6' }, today)).toBe('stale');
  });

  it('is missing in an older shape', () => {
    expect(summaryFreshness({ key: summaryCacheKey, value: { ...entry.value, cacheVersion: summaryCacheVersion - 1 } }, vector, today)).toBe('missing');
  });

  it('is stale on another day', () => {
    expect(summaryFreshness(entry, vector, '2026-12-06')).toBe('stale');
  });
});
