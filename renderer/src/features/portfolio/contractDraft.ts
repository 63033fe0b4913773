/** The contract form's fields as typed, and their conversion to and from stored contracts. */
import type { ContractFormInput } from '@shared/forms/contract';
import { noExitProvisions } from '@shared/domain/profileDefaults';
import type { Contract, ExitProvisions, NoticePeriod } from '@shared/domain/types';
import { minorToMajorText } from './ContractTermsForm';
import { levelInputText } from './serviceLevelInput';
import { numberInput } from './serviceTermsDraft';

export interface ContractDraft {
  readonly title: string;
  readonly currency: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly noticeAmount: string;
  readonly noticeUnit: NoticePeriod['unit'];
  readonly autoRenewal: boolean;
  readonly renewalMonths: string;
  readonly pricingModel: string;
  readonly annualValue: string;
  readonly monthlyCharges: string;
  readonly atRiskPercent: string;
  readonly exitProvisions: ExitProvisions;
}

/** A new contract in pounds sterling with nothing else entered. */
export const emptyContractDraft: ContractDraft = {
  title: '',
  currency: 'GBP',
  startDate: '',
  endDate: '',
  noticeAmount: '',
  noticeUnit: 'months',
  autoRenewal: false,
  renewalMonths: '',
  pricingModel: '',
  annualValue: '',
  monthlyCharges: '',
  atRiskPercent: '',
  exitProvisions: noExitProvisions,
};

/** Fills the form with a stored contract, amounts in major units written with `decimalSeparator`. */
export function draftOfContract(contract: Contract, decimalSeparator: string): ContractDraft {
  const money = (amountMinor: number | null) =>
    amountMinor === null ? '' : minorToMajorText(amountMinor, contract.currency, decimalSeparator);
  return {
    title: contract.title,
    currency: contract.currency,
    startDate: contract.startDate ?? '',
    endDate: contract.endDate ?? '',
    noticeAmount: contract.noticePeriod === null ? '' : String(contract.noticePeriod.amount),
    noticeUnit: contract.noticePeriod?.unit ?? 'months',
    autoRenewal: contract.autoRenewal,
    renewalMonths: contract.renewalMonths === null ? '' : String(contract.renewalMonths),
    pricingModel: contract.pricingModel ?? '',
    annualValue: money(contract.annualValueMinor),
    monthlyCharges: money(contract.monthlyChargesMinor),
    atRiskPercent: contract.atRiskPercent === null ? '' : levelInputText(contract.atRiskPercent, decimalSeparator),
    exitProvisions: contract.exitProvisions,
  };
}

/** Builds the schema's input from the form, numbers parsed in the user's locale. */
export function contractFormInput(draft: ContractDraft, decimalSeparator: string): ContractFormInput {
  const parse = (text: string) => numberInput(text, decimalSeparator);
  return {
    title: draft.title,
    currency: draft.currency,
    startDate: draft.startDate,
    endDate: draft.endDate,
    noticeAmount: parse(draft.noticeAmount),
    noticeUnit: draft.noticeUnit,
    autoRenewal: draft.autoRenewal,
    renewalMonths: parse(draft.renewalMonths),
    pricingModel: draft.pricingModel,
    annualValue: parse(draft.annualValue),
    monthlyCharges: parse(draft.monthlyCharges),
    atRiskPercent: parse(draft.atRiskPercent),
    exitProvisions: draft.exitProvisions,
  };
}
