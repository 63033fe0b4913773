import { describe, expect, it } from 'vitest';
import { checkContractForm } from '../../../../shared/forms/contract';
import type { ContractFormInput } from '../../../../shared/forms/contract';

const noProvisions = { exitPlan: false, dataReturn: false, knowledgeTransferBack: false, stepInRights: false };

const valid: ContractFormInput = {
  title: '  Contact centre 2025  ',
  currency: ' gbp ',
  startDate: '2025-04-01',
  endDate: '2027-03-31',
  noticeAmount: 3,
  noticeUnit: 'months',
  autoRenewal: true,
  renewalMonths: 12,
  pricingModel: 'transactionBased',
  annualValue: 1234567.89,
  monthlyCharges: 250000,
  atRiskPercent: 12,
  exitProvisions: { ...noProvisions, exitPlan: true, stepInRights: true },
};

function errorsOf(input: Partial<ContractFormInput>): Readonly<Record<string, string | undefined>> {
  const check = checkContractForm({ ...valid, ...input });
  if (check.ok) throw new Error('expected the form to be rejected');
  return check.errors;
}

/** Returns the accepted form's result, failing the test when the form is rejected. */
function accepted(input: Partial<ContractFormInput>) {
  const check = checkContractForm({ ...valid, ...input });
  if (!check.ok) throw new Error(`expected the form to be accepted: ${JSON.stringify(check.errors)}`);
  return check;
}

describe('checkContractForm', () => {
  it('valid form gives contract data', () => {
    const check = checkContractForm(valid);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.value).toEqual({
      title: 'Contact centre 2025',
      currency: 'GBP',
      startDate: '2025-04-01',
      endDate: '2027-03-31',
      noticePeriod: { amount: 3, unit: 'months' },
      autoRenewal: true,
      renewalMonths: 12,
      pricingModel: 'transactionBased',
      annualValueMinor: 123456789,
      monthlyChargesMinor: 25000000,
      atRiskPercent: 12,
      exitProvisions: { ...noProvisions, exitPlan: true, stepInRights: true },
    });
    expect(check.warnings).toEqual([]);
  });

  it('empty optional fields become null', () => {
    const check = checkContractForm({
      ...valid,
      startDate: ' ',
      endDate: '',
      noticeAmount: null,
      autoRenewal: false,
      renewalMonths: 'ignored while off',
      pricingModel: '',
      annualValue: null,
      monthlyCharges: null,
      atRiskPercent: null,
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.value.startDate).toBeNull();
    expect(check.value.endDate).toBeNull();
    expect(check.value.noticePeriod).toBeNull();
    expect(check.value.renewalMonths).toBeNull();
    expect(check.value.pricingModel).toBeNull();
    expect(check.value.annualValueMinor).toBeNull();
    expect(check.value.monthlyChargesMinor).toBeNull();
    expect(check.value.atRiskPercent).toBeNull();
  });

  it('title empty or too long', () => {
    expect(errorsOf({ title: '   ' }).title).toBe('contractGovernance.problems.titleEmpty');
    expect(errorsOf({ title: 'x'.repeat(201) }).title).toBe('contractGovernance.problems.titleTooLong');
    expect(checkContractForm({ ...valid, title: 'x'.repeat(200) }).ok).toBe(true);
  });

  it('currency not an ISO code', () => {
    expect(errorsOf({ currency: 'pounds' }).currency).toBe('contractGovernance.problems.currencyInvalid');
  });

  it('dates invalid or out of order', () => {
    expect(errorsOf({ startDate: '2025-02-30' }).startDate).toBe('contractGovernance.problems.dateInvalid');
    expect(errorsOf({ endDate: '31/03/2027' }).endDate).toBe('contractGovernance.problems.dateInvalid');
    expect(errorsOf({ endDate: '2025-03-31' }).endDate).toBe('contractGovernance.problems.endBeforeStart');
    expect(checkContractForm({ ...valid, endDate: '2025-04-01' }).ok).toBe(true);
  });

  it('notice amount whole and in range', () => {
    expect(errorsOf({ noticeAmount: 1.5 }).noticeAmount).toBe('contractGovernance.problems.notWhole');
    expect(errorsOf({ noticeAmount: -1 }).noticeAmount).toBe('contractGovernance.problems.noticeRange');
    expect(errorsOf({ noticeAmount: 1000 }).noticeAmount).toBe('contractGovernance.problems.noticeRange');
    expect(errorsOf({ noticeAmount: 'three' }).noticeAmount).toBe('contractGovernance.problems.notCount');
    expect(checkContractForm({ ...valid, noticeAmount: 0 }).ok).toBe(true);
  });

  it('renewal months required when renewing', () => {
    expect(errorsOf({ renewalMonths: null }).renewalMonths).toBe('contractGovernance.problems.required');
    expect(errorsOf({ renewalMonths: 0 }).renewalMonths).toBe('contractGovernance.problems.renewalRange');
    expect(errorsOf({ renewalMonths: 121 }).renewalMonths).toBe('contractGovernance.problems.renewalRange');
    expect(errorsOf({ renewalMonths: 6.5 }).renewalMonths).toBe('contractGovernance.problems.notWhole');
    expect(errorsOf({ renewalMonths: 'a year' }).renewalMonths).toBe('contractGovernance.problems.notCount');
    expect(checkContractForm({ ...valid, renewalMonths: 120 }).ok).toBe(true);
    expect(checkContractForm({ ...valid, renewalMonths: 1 }).ok).toBe(true);
  });

  it('money amounts checked against the currency', () => {
    expect(errorsOf({ annualValue: -5 }).annualValue).toBe('contractGovernance.problems.negative');
    expect(errorsOf({ monthlyCharges: 10.005 }).monthlyCharges).toBe('contractGovernance.problems.tooManyDecimals');
    expect(errorsOf({ currency: 'JPY', monthlyCharges: 10.5 }).monthlyCharges).toBe('contractGovernance.problems.tooManyDecimals');
    expect(errorsOf({ annualValue: 1e20 }).annualValue).toBe('contractGovernance.problems.tooLarge');
    expect(errorsOf({ annualValue: 'lots' }).annualValue).toBe('contractGovernance.problems.notAmount');
    expect(accepted({ currency: 'JPY', monthlyCharges: 1500, annualValue: null }).value.monthlyChargesMinor).toBe(1500);
  });

  it('at-risk share from 0 to 100', () => {
    expect(errorsOf({ atRiskPercent: 101 }).atRiskPercent).toBe('contractGovernance.problems.outsidePercent');
    expect(errorsOf({ atRiskPercent: -0.5 }).atRiskPercent).toBe('contractGovernance.problems.outsidePercent');
    expect(errorsOf({ atRiskPercent: '12 percent' }).atRiskPercent).toBe('contractGovernance.problems.notNumber');
    expect(checkContractForm({ ...valid, atRiskPercent: 100 }).ok).toBe(true);
  });

  it('pricing model outside the list', () => {
    expect(errorsOf({ pricingModel: 'barter' }).pricingModel).toBe('contractGovernance.problems.pricingModelInvalid');
  });

  it('reports every invalid field at once', () => {
    const errors = errorsOf({ title: '', currency: 'x', noticeAmount: -2, atRiskPercent: 300 });
    expect(Object.keys(errors).sort()).toEqual(['atRiskPercent', 'currency', 'noticeAmount', 'title']);
  });

  it('reports end before start with other errors', () => {
    const errors = errorsOf({ title: '', noticeAmount: 'three', endDate: '2025-03-31' });
    expect(errors.title).toBe('contractGovernance.problems.titleEmpty');
    expect(errors.noticeAmount).toBe('contractGovernance.problems.notCount');
    expect(errors.endDate).toBe('contractGovernance.problems.endBeforeStart');
  });

  it('reports every cross-field error in one check', () => {
    const errors = errorsOf({ atRiskPercent: 'some', endDate: '2025-03-31', renewalMonths: 0, monthlyCharges: 10.005 });
    expect(errors.atRiskPercent).toBe('contractGovernance.problems.notNumber');
    expect(errors.endDate).toBe('contractGovernance.problems.endBeforeStart');
    expect(errors.renewalMonths).toBe('contractGovernance.problems.renewalRange');
    expect(errors.monthlyCharges).toBe('contractGovernance.problems.tooManyDecimals');
  });

  it('checks amounts only against a valid currency', () => {
    const errors = errorsOf({ currency: 'pounds', monthlyCharges: 10.005 });
    expect(errors.currency).toBe('contractGovernance.problems.currencyInvalid');
    expect(errors.monthlyCharges).toBeUndefined();
  });

  it('warns when notice exceeds the term', () => {
    // 2025-04-01 to 2025-06-30 is a term of three months.
    expect(accepted({ endDate: '2025-06-30', noticeAmount: 4 }).warnings).toEqual(['noticeLongerThanTerm']);
    expect(accepted({ endDate: '2025-06-30', noticeAmount: 3 }).warnings).toEqual([]);
    expect(accepted({ endDate: '2025-04-30', noticeAmount: 30, noticeUnit: 'days' }).warnings).toEqual([]);
    expect(accepted({ endDate: '2025-04-30', noticeAmount: 31, noticeUnit: 'days' }).warnings).toEqual(['noticeLongerThanTerm']);
  });

  it('warns on a high share at risk', () => {
    expect(accepted({ atRiskPercent: 30 }).warnings).toEqual(['atRiskHigh']);
  });
});
