/** The "New RFP from template" form: its draft, the check of every field and the values to store. */
import type { PriceScoreMethod } from '@shared/domain/rfp';
import type { CalendarDate } from '@shared/domain/types';
import { isCalendarDate } from '@shared/file/recordSchemas';
import { isCurrencyCode } from '@shared/rfp/money';

export const priceScoreMethods: readonly PriceScoreMethod[] = ['lowestOverBid', 'linear', 'manual'];

/** Maximum contract term the form accepts, in months (25 years). */
export const maxTermMonths = 300;

export interface NewRfpDraft {
  readonly title: string;
  /** Processes to outsource, one per line. */
  readonly scope: string;
  readonly baseCurrency: string;
  readonly termMonths: string;
  readonly priceScoreMethod: PriceScoreMethod;
  readonly issuedOn: string;
  readonly questionsDueOn: string;
  readonly responseDueOn: string;
  readonly awardTargetOn: string;
}

export const emptyNewRfpDraft: NewRfpDraft = {
  title: '',
  scope: '',
  baseCurrency: 'GBP',
  termMonths: '36',
  priceScoreMethod: 'lowestOverBid',
  issuedOn: '',
  questionsDueOn: '',
  responseDueOn: '',
  awardTargetOn: '',
};

export interface NewRfpValues {
  readonly title: string;
  /** Process names, trimmed, without empty lines or repeats. */
  readonly scope: readonly string[];
  readonly baseCurrency: string;
  readonly termMonths: number;
  readonly priceScoreMethod: PriceScoreMethod;
  readonly issuedOn: CalendarDate | null;
  readonly questionsDueOn: CalendarDate | null;
  readonly responseDueOn: CalendarDate | null;
  readonly awardTargetOn: CalendarDate | null;
}

export const dateFields = ['issuedOn', 'questionsDueOn', 'responseDueOn', 'awardTargetOn'] as const;
export type NewRfpDateField = (typeof dateFields)[number];
export type NewRfpField = 'title' | 'scope' | 'baseCurrency' | 'termMonths' | NewRfpDateField;

/** Problem with one field; `key` is the message under `rfp.new.errors`. */
export interface NewRfpProblem {
  readonly field: NewRfpField;
  readonly key: 'titleMissing' | 'scopeMissing' | 'currencyInvalid' | 'termInvalid' | 'dateInvalid' | 'dateOutOfOrder';
}

export type NewRfpCheck =
  { readonly ok: true; readonly values: NewRfpValues } | { readonly ok: false; readonly problems: readonly NewRfpProblem[] };

/**
 * Checks the draft. The scope needs at least one process. Dates are optional, but those given
 * must follow the flow: issue, questions due, responses due, award target, each on or after the
 * one before.
 */
export function checkNewRfp(draft: NewRfpDraft): NewRfpCheck {
  const problems: NewRfpProblem[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push({ field: 'title', key: 'titleMissing' });

  const scope = [
    ...new Set(
      draft.scope
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
  if (scope.length === 0) problems.push({ field: 'scope', key: 'scopeMissing' });

  const baseCurrency = draft.baseCurrency.trim().toUpperCase();
  if (!isCurrencyCode(baseCurrency)) problems.push({ field: 'baseCurrency', key: 'currencyInvalid' });

  const termText = draft.termMonths.trim();
  const termMonths = /^\d+$/.test(termText) ? Number(termText) : Number.NaN;
  if (!(termMonths >= 1 && termMonths <= maxTermMonths)) problems.push({ field: 'termMonths', key: 'termInvalid' });

  const dates: Partial<Record<NewRfpDateField, CalendarDate | null>> = {};
  let previous: CalendarDate | null = null;
  for (const field of dateFields) {
    const date = optionalDate(draft[field]);
    if (date === undefined) {
      problems.push({ field, key: 'dateInvalid' });
      continue;
    }
    dates[field] = date;
    if (date === null) continue;
    // ISO calendar dates compare correctly as strings.
    if (previous !== null && date < previous) problems.push({ field, key: 'dateOutOfOrder' });
    previous = date;
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      title,
      scope,
      baseCurrency,
      termMonths,
      priceScoreMethod: draft.priceScoreMethod,
      issuedOn: dates.issuedOn ?? null,
      questionsDueOn: dates.questionsDueOn ?? null,
      responseDueOn: dates.responseDueOn ?? null,
      awardTargetOn: dates.awardTargetOn ?? null,
    },
  };
}

/** Returns the date, `null` for an empty field, or `undefined` for text that is not a calendar date. */
function optionalDate(text: string): CalendarDate | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return isCalendarDate(trimmed) ? trimmed : undefined;
}
