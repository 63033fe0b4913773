import { describe, expect, it } from 'vitest';
import { checkContractTerms, checkServiceLevelTerms } from '../../../../shared/kpi/serviceLevelSchema';
import type { ServiceLevelTermsInput, TermsContext, TermsIssue } from '../../../../shared/kpi/serviceLevelSchema';

const answered: TermsContext = { kpi: { unit: 'percent', kind: 'ratio', direction: 'higherIsBetter' }, contractIds: ['contract-1'] };
const abandoned: TermsContext = { kpi: { unit: 'percent', kind: 'ratio', direction: 'lowerIsBetter' }, contractIds: ['contract-1'] };
const handleTime: TermsContext = { kpi: { unit: 'seconds', kind: 'duration', direction: 'lowerIsBetter' }, contractIds: [] };

const reported: ServiceLevelTermsInput = {
  expected: 95,
  minimum: 90,
  contractId: null,
  critical: false,
  allocationPercent: null,
  creditRule: { kind: 'fixed' },
  earnBackMonths: 0,
  bonus: null,
  goLive: null,
  glidePath: [],
};

const critical: ServiceLevelTermsInput = { ...reported, contractId: 'contract-1', critical: true, allocationPercent: 40 };

function issuesOf(input: ServiceLevelTermsInput, context: TermsContext = answered): readonly TermsIssue[] {
  const check = checkServiceLevelTerms(input, context);
  return check.ok ? [] : check.issues;
}

describe('checkServiceLevelTerms: levels', () => {
  it('accepts a reported KPI with default terms', () => {
    expect(checkServiceLevelTerms(reported, answered)).toEqual({ ok: true, value: reported });
  });

  it('rejects expected below minimum when higher is better', () => {
    expect(issuesOf({ ...reported, expected: 85 })).toEqual([{ field: 'minimum', problem: 'minimumOrder' }]);
  });

  it('rejects expected above minimum when lower is better', () => {
    expect(issuesOf({ ...reported, expected: 8, minimum: 5 }, abandoned)).toEqual([{ field: 'minimum', problem: 'minimumOrder' }]);
    expect(issuesOf({ ...reported, expected: 5, minimum: 8 }, abandoned)).toEqual([]);
  });

  it('accepts expected equal to minimum', () => {
    expect(issuesOf({ ...reported, expected: 90 })).toEqual([]);
  });

  it('names empty, non-numeric and out-of-range levels', () => {
    expect(issuesOf({ ...reported, expected: null, minimum: 'ninety' })).toEqual([
      { field: 'expected', problem: 'required' },
      { field: 'minimum', problem: 'notNumber' },
    ]);
    expect(issuesOf({ ...reported, expected: 101 })).toEqual([{ field: 'expected', problem: 'outsidePercent' }]);
    expect(issuesOf({ ...reported, expected: -1, minimum: 200 }, handleTime)).toEqual([{ field: 'expected', problem: 'negative' }]);
  });
});

describe('checkServiceLevelTerms: critical levels', () => {
  it('accepts a critical level with contract and allocation', () => {
    expect(issuesOf(critical)).toEqual([]);
  });

  it('requires a contract and an allocation', () => {
    expect(issuesOf({ ...reported, critical: true })).toEqual([
      { field: 'contractId', problem: 'contractRequired' },
      { field: 'allocationPercent', problem: 'allocationRequired' },
    ]);
  });

  it('rejects a contract of another provider', () => {
    expect(issuesOf({ ...critical, contractId: 'contract-9' })).toEqual([{ field: 'contractId', problem: 'contractUnknown' }]);
  });

  it('keeps allocation within 0 to 100', () => {
    expect(issuesOf({ ...critical, allocationPercent: 100 })).toEqual([]);
    expect(issuesOf({ ...critical, allocationPercent: 0 })).toEqual([]);
    expect(issuesOf({ ...critical, allocationPercent: 100.5 })).toEqual([{ field: 'allocationPercent', problem: 'outsidePercent' }]);
    expect(issuesOf({ ...critical, allocationPercent: -5 })).toEqual([{ field: 'allocationPercent', problem: 'outsidePercent' }]);
    expect(issuesOf({ ...critical, allocationPercent: 'forty' })).toEqual([{ field: 'allocationPercent', problem: 'notNumber' }]);
  });
});

describe('checkServiceLevelTerms: credit rules', () => {
  it('requires full credit worse than the minimum', () => {
    const rule = (fullCreditAt: number) => ({ ...critical, creditRule: { kind: 'proportional' as const, fullCreditAt } });
    expect(issuesOf(rule(80))).toEqual([]);
    expect(issuesOf(rule(90))).toEqual([{ field: 'creditRule.fullCreditAt', problem: 'fullCreditNotWorse' }]);
    expect(issuesOf(rule(92))).toEqual([{ field: 'creditRule.fullCreditAt', problem: 'fullCreditNotWorse' }]);
  });

  it('reads worse in the direction of the KPI', () => {
    const proportional = { ...critical, expected: 5, minimum: 8, creditRule: { kind: 'proportional' as const, fullCreditAt: 12 } };
    expect(issuesOf(proportional, abandoned)).toEqual([]);
    expect(issuesOf({ ...proportional, creditRule: { kind: 'proportional', fullCreditAt: 6 } }, abandoned)).toEqual([
      { field: 'creditRule.fullCreditAt', problem: 'fullCreditNotWorse' },
    ]);
  });

  it('requires at least one tier', () => {
    expect(issuesOf({ ...critical, creditRule: { kind: 'tiered', tiers: [] } })).toEqual([
      { field: 'creditRule.tiers', problem: 'tiersEmpty' },
    ]);
  });

  it('accepts tiers at or worse than the minimum', () => {
    const tiers = [
      { worseThan: 90, percentOfAllocation: 25 },
      { worseThan: 85, percentOfAllocation: 50 },
      { worseThan: 80, percentOfAllocation: 100 },
    ];
    expect(issuesOf({ ...critical, creditRule: { kind: 'tiered', tiers } })).toEqual([]);
  });

  it('rejects a tier better than the minimum', () => {
    const tiers = [
      { worseThan: 85, percentOfAllocation: 50 },
      { worseThan: 92, percentOfAllocation: 25 },
    ];
    expect(issuesOf({ ...critical, creditRule: { kind: 'tiered', tiers } })).toEqual([
      { field: 'creditRule.tiers.1.worseThan', problem: 'tierNotWorse' },
    ]);
  });

  it('rejects two tiers at one level', () => {
    const tiers = [
      { worseThan: 85, percentOfAllocation: 50 },
      { worseThan: 85, percentOfAllocation: 75 },
    ];
    expect(issuesOf({ ...critical, creditRule: { kind: 'tiered', tiers } })).toEqual([
      { field: 'creditRule.tiers.1.worseThan', problem: 'tierDuplicate' },
    ]);
  });

  it('keeps tier percentages within 0 to 100', () => {
    const tiers = [
      { worseThan: 85, percentOfAllocation: 150 },
      { worseThan: 80, percentOfAllocation: null },
    ];
    expect(issuesOf({ ...critical, creditRule: { kind: 'tiered', tiers } })).toEqual([
      { field: 'creditRule.tiers.0.percentOfAllocation', problem: 'outsidePercent' },
      { field: 'creditRule.tiers.1.percentOfAllocation', problem: 'required' },
    ]);
  });
});

describe('checkServiceLevelTerms: earn-back and bonus', () => {
  it('accepts earn-back of 0 to 12 whole months', () => {
    expect(issuesOf({ ...critical, earnBackMonths: 12 })).toEqual([]);
    expect(issuesOf({ ...critical, earnBackMonths: 13 })).toEqual([{ field: 'earnBackMonths', problem: 'earnBackRange' }]);
    expect(issuesOf({ ...critical, earnBackMonths: -1 })).toEqual([{ field: 'earnBackMonths', problem: 'earnBackRange' }]);
    expect(issuesOf({ ...critical, earnBackMonths: 2.5 })).toEqual([{ field: 'earnBackMonths', problem: 'notWhole' }]);
    expect(issuesOf({ ...critical, earnBackMonths: null })).toEqual([{ field: 'earnBackMonths', problem: 'required' }]);
  });

  it('requires a bonus level better than expected', () => {
    expect(issuesOf({ ...critical, bonus: { level: 98, percentOfAllocation: 10 } })).toEqual([]);
    expect(issuesOf({ ...critical, bonus: { level: 95, percentOfAllocation: 10 } })).toEqual([
      { field: 'bonus.level', problem: 'bonusNotBetter' },
    ]);
    expect(issuesOf({ ...critical, expected: 5, minimum: 8, bonus: { level: 3, percentOfAllocation: 10 } }, abandoned)).toEqual([]);
    expect(issuesOf({ ...critical, expected: 5, minimum: 8, bonus: { level: 6, percentOfAllocation: 10 } }, abandoned)).toEqual([
      { field: 'bonus.level', problem: 'bonusNotBetter' },
    ]);
  });

  it('keeps the bonus share within 0 to 100', () => {
    expect(issuesOf({ ...critical, bonus: { level: 98, percentOfAllocation: 110 } })).toEqual([
      { field: 'bonus.percentOfAllocation', problem: 'outsidePercent' },
    ]);
  });
});

describe('checkServiceLevelTerms: glide path', () => {
  const steps = [
    { month: 2, expected: 90, minimum: 85 },
    { month: 1, expected: 85, minimum: 80 },
  ];

  it('accepts consecutive steps and sorts them by month', () => {
    const check = checkServiceLevelTerms({ ...critical, goLive: '2026-01', glidePath: steps }, answered);
    expect(check.ok).toBe(true);
    expect(check.ok ? check.value.glidePath.map((step) => step.month) : []).toEqual([1, 2]);
  });

  it('requires a go-live month for steps', () => {
    expect(issuesOf({ ...critical, glidePath: steps })).toEqual([{ field: 'goLive', problem: 'goLiveRequired' }]);
  });

  it('rejects a go-live that is not a month', () => {
    expect(issuesOf({ ...critical, goLive: '2026-13' })).toEqual([{ field: 'goLive', problem: 'goLiveInvalid' }]);
  });

  it('rejects months outside 1 to 36', () => {
    const path = [{ month: 0, expected: 85, minimum: 80 }];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: path })).toEqual([
      { field: 'glidePath.0.month', problem: 'glideMonthRange' },
    ]);
    const late = [{ month: 37, expected: 85, minimum: 80 }];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: late })).toEqual([
      { field: 'glidePath.0.month', problem: 'glideMonthRange' },
    ]);
    const fraction = [{ month: 1.5, expected: 85, minimum: 80 }];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: fraction })).toEqual([
      { field: 'glidePath.0.month', problem: 'notWhole' },
    ]);
  });

  it('rejects repeated months', () => {
    const path = [
      { month: 1, expected: 85, minimum: 80 },
      { month: 1, expected: 88, minimum: 82 },
    ];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: path })).toEqual([
      { field: 'glidePath.1.month', problem: 'glideMonthDuplicate' },
    ]);
  });

  it('rejects a gap after month 1', () => {
    const path = [
      { month: 1, expected: 85, minimum: 80 },
      { month: 3, expected: 88, minimum: 82 },
    ];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: path })).toEqual([
      { field: 'glidePath.1.month', problem: 'glideMonthGap' },
    ]);
  });

  it('rejects a step whose expected is worse than its minimum', () => {
    const path = [{ month: 1, expected: 75, minimum: 80 }];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: path })).toEqual([
      { field: 'glidePath.0.minimum', problem: 'glideOrder' },
    ]);
  });

  it('checks step levels in the KPI unit', () => {
    const path = [{ month: 1, expected: 120, minimum: 'x' }];
    expect(issuesOf({ ...critical, goLive: '2026-01', glidePath: path })).toEqual([
      { field: 'glidePath.0.expected', problem: 'outsidePercent' },
      { field: 'glidePath.0.minimum', problem: 'notNumber' },
    ]);
  });
});

describe('checkContractTerms', () => {
  it('converts major units to minor units exactly', () => {
    expect(checkContractTerms({ monthlyCharges: 250000, atRiskPercent: 12 }, 'GBP')).toEqual({
      ok: true,
      value: { monthlyChargesMinor: 25_000_000, atRiskPercent: 12 },
      warnings: [],
    });
    const pence = checkContractTerms({ monthlyCharges: 1234.56, atRiskPercent: null }, 'GBP');
    expect(pence.ok ? pence.value.monthlyChargesMinor : null).toBe(123456);
    const yen = checkContractTerms({ monthlyCharges: 5000, atRiskPercent: null }, 'JPY');
    expect(yen.ok ? yen.value.monthlyChargesMinor : null).toBe(5000);
  });

  it('accepts empty fields as not entered', () => {
    expect(checkContractTerms({ monthlyCharges: null, atRiskPercent: null }, 'GBP')).toEqual({
      ok: true,
      value: { monthlyChargesMinor: null, atRiskPercent: null },
      warnings: [],
    });
  });

  it('rejects negative charges', () => {
    expect(checkContractTerms({ monthlyCharges: -1, atRiskPercent: 10 }, 'GBP')).toEqual({
      ok: false,
      issues: [{ field: 'monthlyCharges', problem: 'negative' }],
    });
  });

  it('rejects more decimals than the currency has', () => {
    expect(checkContractTerms({ monthlyCharges: 10.555, atRiskPercent: 10 }, 'GBP')).toEqual({
      ok: false,
      issues: [{ field: 'monthlyCharges', problem: 'tooManyDecimals' }],
    });
    expect(checkContractTerms({ monthlyCharges: 10.5, atRiskPercent: 10 }, 'JPY')).toEqual({
      ok: false,
      issues: [{ field: 'monthlyCharges', problem: 'tooManyDecimals' }],
    });
  });

  it('rejects charges beyond safe integers', () => {
    expect(checkContractTerms({ monthlyCharges: 1e17, atRiskPercent: 10 }, 'GBP')).toEqual({
      ok: false,
      issues: [{ field: 'monthlyCharges', problem: 'tooLarge' }],
    });
  });

  it('keeps at-risk within 0 to 100', () => {
    expect(checkContractTerms({ monthlyCharges: 100, atRiskPercent: 101 }, 'GBP')).toEqual({
      ok: false,
      issues: [{ field: 'atRiskPercent', problem: 'outsidePercent' }],
    });
    expect(checkContractTerms({ monthlyCharges: 'lots', atRiskPercent: 'x' }, 'GBP')).toEqual({
      ok: false,
      issues: [
        { field: 'monthlyCharges', problem: 'notNumber' },
        { field: 'atRiskPercent', problem: 'notNumber' },
      ],
    });
  });

  it('warns above 25% at risk but accepts it', () => {
    expect(checkContractTerms({ monthlyCharges: 100, atRiskPercent: 25 }, 'GBP')).toMatchObject({ ok: true, warnings: [] });
    expect(checkContractTerms({ monthlyCharges: 100, atRiskPercent: 30 }, 'GBP')).toMatchObject({ ok: true, warnings: ['atRiskHigh'] });
  });
});
