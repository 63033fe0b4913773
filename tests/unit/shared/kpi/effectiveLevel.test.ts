import { describe, expect, it } from 'vitest';
import { effectiveLevel } from '../../../../shared/kpi/effectiveLevel';

const steady = {
  expected: 95,
  minimum: 90,
  goLive: '2025-11',
  glidePath: [
    { month: 1, expected: 80, minimum: 70 },
    { month: 2, expected: 85, minimum: 80 },
    { month: 3, expected: 90, minimum: 85 },
  ],
};

describe('effectiveLevel', () => {
  it('uses the glide path step of each month after go-live, across a year end', () => {
    expect(effectiveLevel(steady, '2025-11')).toEqual({ expected: 80, minimum: 70, glideMonth: 1 });
    expect(effectiveLevel(steady, '2025-12')).toEqual({ expected: 85, minimum: 80, glideMonth: 2 });
    expect(effectiveLevel(steady, '2026-01')).toEqual({ expected: 90, minimum: 85, glideMonth: 3 });
  });

  it('uses the steady levels before go-live and after the last step', () => {
    expect(effectiveLevel(steady, '2025-10')).toEqual({ expected: 95, minimum: 90, glideMonth: null });
    expect(effectiveLevel(steady, '2026-02')).toEqual({ expected: 95, minimum: 90, glideMonth: null });
  });

  it('uses the steady levels without a go-live month', () => {
    expect(effectiveLevel({ ...steady, goLive: null }, '2025-11')).toEqual({ expected: 95, minimum: 90, glideMonth: null });
  });
});
