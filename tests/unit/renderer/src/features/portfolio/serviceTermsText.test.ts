import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportedLevelTerms } from '../../../../../../shared/domain/serviceTerms';
import type { ServiceLevel } from '../../../../../../shared/domain/types';
import type { TermsProblem } from '../../../../../../shared/kpi/serviceLevelSchema';
import { termsFieldLabel, termsIssueMessage, termsSummary } from '../../../../../../renderer/src/features/portfolio/serviceTermsText';
import { en } from '../../../../../../renderer/src/i18n/en';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const level: ServiceLevel = {
  id: 'level-1',
  clock: 'c',
  fieldClocks: {},
  providerId: 'p',
  kpiId: 'k',
  contractId: 'contract-1',
  expected: 95,
  minimum: 90,
  ...reportedLevelTerms,
};

const problems: readonly TermsProblem[] = [
  'required',
  'notNumber',
  'outsidePercent',
  'negative',
  'notWhole',
  'minimumOrder',
  'contractRequired',
  'contractUnknown',
  'allocationRequired',
  'fullCreditNotWorse',
  'tiersEmpty',
  'tierNotWorse',
  'tierDuplicate',
  'earnBackRange',
  'bonusNotBetter',
  'goLiveInvalid',
  'goLiveRequired',
  'glideMonthRange',
  'glideMonthDuplicate',
  'glideMonthGap',
  'glideOrder',
];

describe('termsSummary', () => {
  it('says a reported KPI has no credits', () => {
    expect(termsSummary(i18next.t, level, 'percent', 'en-GB')).toBe('Reported KPI: no service credits.');
  });

  it('summarises critical terms in one line', () => {
    const critical: ServiceLevel = { ...level, critical: true, allocationPercent: 40, earnBackMonths: 3 };
    expect(termsSummary(i18next.t, critical, 'percent', 'en-GB')).toBe(
      'Critical: 40% of the at-risk amount, fixed credit, earn-back 3 months.',
    );
  });

  it('names proportional, bonus and glide path', () => {
    const critical: ServiceLevel = {
      ...level,
      critical: true,
      allocationPercent: 20,
      creditRule: { kind: 'proportional', fullCreditAt: 80 },
      bonus: { level: 98, percentOfAllocation: 10 },
      goLive: '2025-04',
      glidePath: [{ month: 1, expected: 90, minimum: 85 }],
    };
    expect(termsSummary(i18next.t, critical, 'percent', 'en-GB')).toBe(
      'Critical: 20% of the at-risk amount, credit proportional to the shortfall, in full at 80.00%, no earn-back, bonus when better than 98.00%, glide path of 1 month from Apr 2025.',
    );
  });
});

describe('termsIssueMessage', () => {
  it('has a sentence for every problem and direction', () => {
    for (const problem of problems) {
      for (const direction of ['higherIsBetter', 'lowerIsBetter'] as const) {
        const message = termsIssueMessage(i18next.t, { field: 'allocationPercent', problem }, direction, '.');
        expect(message, `${problem} ${direction}`).not.toContain('serviceTerms.');
        expect(message, `${problem} ${direction}`).toMatch(/^Allocation of the at-risk amount/);
      }
    }
  });

  it('labels tier and glide path fields by row', () => {
    expect(termsFieldLabel(i18next.t, 'creditRule.tiers.1.worseThan')).toBe('Tier 2: worse than');
    expect(termsFieldLabel(i18next.t, 'glidePath.0.minimum')).toBe('Step 1: minimum level');
    expect(termsFieldLabel(i18next.t, 'bonus.level')).toBe('Bonus when better than');
    expect(termsFieldLabel(i18next.t, 'creditRule.fullCreditAt')).toBe('Full credit at');
  });

  it('labels every field path the schema reports', () => {
    const paths = [
      'expected',
      'minimum',
      'contractId',
      'allocationPercent',
      'creditRule.tiers',
      'earnBackMonths',
      'goLive',
      'glidePath',
      'bonus.percentOfAllocation',
    ];
    for (const path of paths) {
      expect(termsFieldLabel(i18next.t, path), path).not.toContain('serviceTerms.');
    }
  });
});
