/**
 * The enum columns of the providers-and-contracts import: the words a cell may hold for each
 * value, and the list of accepted values that an error message shows. Words are matched
 * lower-case with runs of spaces as one space, so "Tier  1" and "TIER 1" both read as tier 1.
 */
import type { FinancialRating, NoticePeriod, PricingModel, ProviderCriticality, ProviderLifecycle, ProviderTier } from '../domain/types';

/** One enum column: the stored value of each accepted word, and those words as a message lists them. */
export interface ChoiceColumn<V> {
  /** Accepted words, lower-case, with the stored value each one reads as. */
  readonly words: Readonly<Record<string, V>>;
  /** Every accepted spelling as the error message lists it, such as "Low, Medium, High". */
  readonly accepted: string;
}

export const tierChoice: ChoiceColumn<ProviderTier> = {
  words: {
    '1': 1,
    '2': 2,
    '3': 3,
    'tier 1': 1,
    'tier 2': 2,
    'tier 3': 3,
    strategic: 1,
    important: 2,
    transactional: 3,
    'tier 1 (strategic)': 1,
    'tier 2 (important)': 2,
    'tier 3 (transactional)': 3,
  },
  accepted: '1, 2, 3, Tier 1, Tier 2, Tier 3, Strategic, Important, Transactional',
};

export const criticalityChoice: ChoiceColumn<ProviderCriticality> = {
  words: { low: 'low', medium: 'medium', high: 'high' },
  accepted: 'Low, Medium, High',
};

export const lifecycleChoice: ChoiceColumn<ProviderLifecycle> = {
  words: { prospect: 'prospect', onboarding: 'onboarding', active: 'active', exiting: 'exiting', exited: 'exited' },
  accepted: 'Prospect, Onboarding, Active, Exiting, Exited',
};

export const financialRatingChoice: ChoiceColumn<FinancialRating> = {
  words: { strong: 'strong', adequate: 'adequate', weak: 'weak', distressed: 'distressed' },
  accepted: 'Strong, Adequate, Weak, Distressed',
};

export const pricingModelChoice: ChoiceColumn<PricingModel> = {
  words: {
    ftebased: 'fteBased',
    'fte-based': 'fteBased',
    'fte based': 'fteBased',
    fte: 'fteBased',
    transactionbased: 'transactionBased',
    'transaction-based': 'transactionBased',
    'transaction based': 'transactionBased',
    fixed: 'fixed',
    'fixed price': 'fixed',
    outcomebased: 'outcomeBased',
    'outcome-based': 'outcomeBased',
    'outcome based': 'outcomeBased',
    gainshare: 'gainShare',
    'gain-share': 'gainShare',
    'gain share': 'gainShare',
  },
  accepted: 'FTE-based, Transaction-based, Fixed price, Outcome-based, Gain-share',
};

export const noticeUnitChoice: ChoiceColumn<NoticePeriod['unit']> = {
  words: { days: 'days', day: 'days', months: 'months', month: 'months' },
  accepted: 'days, months',
};

export const yesNoChoice: ChoiceColumn<boolean> = {
  words: { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false },
  accepted: 'yes, no, y, n, true, false, 1, 0',
};
