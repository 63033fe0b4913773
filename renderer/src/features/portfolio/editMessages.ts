/** Sentences for the problems the provider page's rename and service level forms can find. */
import type { TFunction } from 'i18next';
import { formatNumber } from '../../format';
import { maxProviderNameLength } from './providerName';
import type { ProviderNameCheck } from './providerName';
import type { LevelIssue } from './serviceLevelInput';

/** Returns the sentence for a rejected name, or `null` when the name can be saved or is unchanged. */
export function providerNameMessage(t: TFunction, check: ProviderNameCheck): string | null {
  switch (check.kind) {
    case 'valid':
    case 'unchanged':
      return null;
    case 'empty':
      return t('provider.nameEmpty');
    case 'tooLong':
      return t('provider.nameTooLong', { length: check.length, max: maxProviderNameLength });
    case 'taken':
      return t('provider.nameTaken', { name: check.name });
  }
}

/** Returns the sentence for one level problem, which starts with the name of the field to correct. */
export function levelIssueMessage(t: TFunction, issue: LevelIssue, locale: string, decimalSeparator: string): string {
  const field = t('provider.levelField', { context: issue.field });
  const number = (value: number) => formatNumber(value, locale, 6);
  switch (issue.problem) {
    case 'empty':
      return t('provider.levelEmpty', { field });
    case 'notNumber':
      return t('provider.levelNotNumber', { field, text: issue.text, decimal: decimalSeparator });
    case 'outsidePercent':
      return t('provider.levelOutsidePercent', { field, value: number(issue.value) });
    case 'negative':
      return t('provider.levelNegative', { field, value: number(issue.value) });
    case 'order':
      return t('provider.levelOrder', { context: issue.direction, expected: number(issue.expected), minimum: number(issue.minimum) });
  }
}
