/**
 * The "Credit terms" form of one service level as text fields, and its conversion to and from the
 * stored terms. Numbers are parsed with `parseLevelNumber`: the user's decimal separator first,
 * and the other one where the user's cannot read the text.
 */
import type { CreditRule, ServiceLevel } from '@shared/domain/types';
import type { NumberInput, ServiceLevelTermsInput } from '@shared/kpi/serviceLevelSchema';
import { levelInputText, parseLevelNumber } from './serviceLevelInput';

export type CreditRuleKind = CreditRule['kind'];

export interface TierDraft {
  readonly worseThan: string;
  readonly percentOfAllocation: string;
}

export interface GlideStepDraft {
  readonly month: string;
  readonly expected: string;
  readonly minimum: string;
}

export interface TermsDraft {
  /** Id of the linked contract, or `''` for none. */
  readonly contractId: string;
  readonly critical: boolean;
  readonly allocationPercent: string;
  readonly ruleKind: CreditRuleKind;
  readonly fullCreditAt: string;
  readonly tiers: readonly TierDraft[];
  readonly earnBackMonths: string;
  readonly bonusEnabled: boolean;
  readonly bonusLevel: string;
  readonly bonusPercent: string;
  /** Go-live month `YYYY-MM` as an `<input type="month">` gives it, or `''`. */
  readonly goLive: string;
  readonly glidePath: readonly GlideStepDraft[];
}

/** Builds the form from the stored level; fields the rule or bonus does not use start empty. */
export function draftFromLevel(level: ServiceLevel, decimalSeparator: string): TermsDraft {
  const text = (value: number | null) => (value === null ? '' : levelInputText(value, decimalSeparator));
  const rule = level.creditRule;
  return {
    contractId: level.contractId ?? '',
    critical: level.critical,
    allocationPercent: text(level.allocationPercent),
    ruleKind: rule.kind,
    fullCreditAt: rule.kind === 'proportional' ? text(rule.fullCreditAt) : '',
    tiers:
      rule.kind === 'tiered'
        ? rule.tiers.map((tier) => ({ worseThan: text(tier.worseThan), percentOfAllocation: text(tier.percentOfAllocation) }))
        : [],
    earnBackMonths: text(level.earnBackMonths),
    bonusEnabled: level.bonus !== null,
    bonusLevel: level.bonus === null ? '' : text(level.bonus.level),
    bonusPercent: level.bonus === null ? '' : text(level.bonus.percentOfAllocation),
    goLive: level.goLive ?? '',
    glidePath: level.glidePath.map((step) => ({ month: String(step.month), expected: text(step.expected), minimum: text(step.minimum) })),
  };
}

/** Parses one typed number: the number, `null` when empty, or the trimmed text when it is not a number. */
export function numberInput(text: string, decimalSeparator: string): NumberInput {
  const parsed = parseLevelNumber(text, decimalSeparator);
  if (parsed === 'empty') return null;
  if (parsed === 'invalid') return text.trim();
  return parsed;
}

/** Builds the schema's input from the form and the level's stored expected and minimum levels. */
export function termsInput(
  draft: TermsDraft,
  levels: Pick<ServiceLevel, 'expected' | 'minimum'>,
  decimalSeparator: string,
): ServiceLevelTermsInput {
  const parse = (text: string) => numberInput(text, decimalSeparator);
  const creditRule: ServiceLevelTermsInput['creditRule'] =
    draft.ruleKind === 'fixed'
      ? { kind: 'fixed' }
      : draft.ruleKind === 'proportional'
        ? { kind: 'proportional', fullCreditAt: parse(draft.fullCreditAt) }
        : {
            kind: 'tiered',
            tiers: draft.tiers.map((tier) => ({ worseThan: parse(tier.worseThan), percentOfAllocation: parse(tier.percentOfAllocation) })),
          };
  return {
    expected: levels.expected,
    minimum: levels.minimum,
    contractId: draft.contractId === '' ? null : draft.contractId,
    critical: draft.critical,
    allocationPercent: parse(draft.allocationPercent),
    creditRule,
    earnBackMonths: parse(draft.earnBackMonths),
    bonus: draft.bonusEnabled ? { level: parse(draft.bonusLevel), percentOfAllocation: parse(draft.bonusPercent) } : null,
    goLive: draft.goLive === '' ? null : draft.goLive,
    glidePath: draft.glidePath.map((step) => ({ month: parse(step.month), expected: parse(step.expected), minimum: parse(step.minimum) })),
  };
}

/** Appends a glide path step for the month after the last one, starting from the steady levels. */
export function withNextGlideStep(
  draft: TermsDraft,
  levels: Pick<ServiceLevel, 'expected' | 'minimum'>,
  decimalSeparator: string,
): TermsDraft {
  const months = draft.glidePath.map((step) => Number(step.month)).filter((month) => Number.isInteger(month));
  const next = months.length === 0 ? 1 : Math.max(...months) + 1;
  const step = {
    month: String(next),
    expected: levelInputText(levels.expected, decimalSeparator),
    minimum: levelInputText(levels.minimum, decimalSeparator),
  };
  return { ...draft, glidePath: [...draft.glidePath, step] };
}
