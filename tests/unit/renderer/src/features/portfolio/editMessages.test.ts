import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../../../../renderer/src/i18n/en';
import { levelIssueMessage, providerNameMessage } from '../../../../../../renderer/src/features/portfolio/editMessages';
import type { LevelIssue } from '../../../../../../renderer/src/features/portfolio/serviceLevelInput';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('providerNameMessage', () => {
  it('has no message for a valid or unchanged name', () => {
    expect(providerNameMessage(i18next.t, { kind: 'valid', name: 'Alpha' })).toBeNull();
    expect(providerNameMessage(i18next.t, { kind: 'unchanged' })).toBeNull();
  });

  it('names the field when empty', () => {
    expect(providerNameMessage(i18next.t, { kind: 'empty' })).toBe('Provider name is empty. Type a name.');
  });

  it('gives the length and the limit', () => {
    expect(providerNameMessage(i18next.t, { kind: 'tooLong', length: 201 })).toBe(
      'Provider name has 201 characters, more than the limit of 200. Type a shorter name.',
    );
  });

  it('names the provider that has the name', () => {
    expect(providerNameMessage(i18next.t, { kind: 'taken', name: 'South' })).toBe(
      'Provider name: another provider is already called “South”. Type a different name.',
    );
  });
});

describe('levelIssueMessage', () => {
  const cases: readonly [LevelIssue, string][] = [
    [{ field: 'expected', problem: 'empty' }, 'Expected level is empty. Type a number.'],
    [
      { field: 'minimum', problem: 'notNumber', text: '9O' },
      'Minimum level: “9O” is not a number. Type digits with “.” as the decimal point.',
    ],
    [
      { field: 'expected', problem: 'outsidePercent', value: 120.5 },
      'Expected level: 120.5 is outside 0 to 100. Type a percentage from 0 to 100.',
    ],
    [
      { field: 'minimum', problem: 'negative', value: -3 },
      'Minimum level: -3 is below 0, which a duration or count cannot be. Type 0 or more.',
    ],
    [
      { field: 'minimum', problem: 'order', direction: 'higherIsBetter', expected: 90, minimum: 95 },
      'Minimum level: 95 is above the expected level 90. Higher results are better for this KPI, so the minimum must be at most the expected level.',
    ],
    [
      { field: 'minimum', problem: 'order', direction: 'lowerIsBetter', expected: 5, minimum: 3 },
      'Minimum level: 3 is below the expected level 5. Lower results are better for this KPI, so the minimum must be at least the expected level.',
    ],
  ];

  it.each(cases)('describes %j', (issue, sentence) => {
    expect(levelIssueMessage(i18next.t, issue, 'en-GB', '.')).toBe(sentence);
  });

  it('formats values in the user locale', () => {
    const issue: LevelIssue = { field: 'expected', problem: 'outsidePercent', value: 120.5 };
    expect(levelIssueMessage(i18next.t, issue, 'de-DE', ',')).toContain('120,5');
  });
});
