import { describe, expect, it } from 'vitest';
import { checkProcessForm } from '../../../../shared/forms/process';
import type { ProcessFormContext, ProcessFormInput } from '../../../../shared/forms/process';

const context: ProcessFormContext = {
  processes: [
    { id: 'process-payroll', name: 'Payroll', providerId: 'provider-a' },
    { id: 'process-loose', name: 'Invoice scanning', providerId: null },
  ],
  providerIds: ['provider-a', 'provider-b'],
  contracts: [
    { id: 'contract-a', providerId: 'provider-a' },
    { id: 'contract-b', providerId: 'provider-b' },
  ],
  editingId: null,
};

const valid: ProcessFormInput = {
  name: '  Accounts payable  ',
  function: 'financeAccounting',
  providerId: 'provider-a',
  contractId: 'contract-a',
  readiness: 'asIsMapped',
};

function errorsOf(input: Partial<ProcessFormInput>, over: Partial<ProcessFormContext> = {}): Readonly<Record<string, string | undefined>> {
  const check = checkProcessForm({ ...valid, ...input }, { ...context, ...over });
  if (check.ok) throw new Error('expected the form to be rejected');
  return check.errors;
}

describe('checkProcessForm', () => {
  it('valid form gives process data', () => {
    expect(checkProcessForm(valid, context)).toEqual({
      ok: true,
      value: {
        name: 'Accounts payable',
        function: 'financeAccounting',
        providerId: 'provider-a',
        contractId: 'contract-a',
        readiness: 'asIsMapped',
      },
    });
  });

  it('empty provider and contract become null', () => {
    const check = checkProcessForm({ ...valid, providerId: '', contractId: '' }, context);
    if (!check.ok) throw new Error('expected the form to be accepted');
    expect(check.value.providerId).toBeNull();
    expect(check.value.contractId).toBeNull();
  });

  it('name empty or too long', () => {
    expect(errorsOf({ name: ' ' }).name).toBe('processes.problems.nameEmpty');
    expect(errorsOf({ name: 'p'.repeat(201) }).name).toBe('processes.problems.nameTooLong');
    expect(checkProcessForm({ ...valid, name: 'p'.repeat(200) }, context).ok).toBe(true);
  });

  it('name unique per provider', () => {
    expect(errorsOf({ name: ' payroll ' }).name).toBe('processes.problems.nameTaken');
    expect(errorsOf({ name: 'INVOICE SCANNING', providerId: '', contractId: '' }).name).toBe('processes.problems.nameTakenUnassigned');
    // Another provider may run a process of the same name.
    expect(checkProcessForm({ ...valid, name: 'Payroll', providerId: 'provider-b', contractId: '' }, context).ok).toBe(true);
    // The edited process keeps its own name.
    expect(checkProcessForm({ ...valid, name: 'Payroll' }, { ...context, editingId: 'process-payroll' }).ok).toBe(true);
  });

  it('function and readiness from their lists', () => {
    expect(errorsOf({ function: 'legal' }).function).toBe('processes.problems.functionInvalid');
    expect(errorsOf({ readiness: 'done' }).readiness).toBe('processes.problems.readinessInvalid');
  });

  it('provider must exist', () => {
    expect(errorsOf({ providerId: 'provider-gone', contractId: '' }).providerId).toBe('processes.problems.providerUnknown');
  });

  it('contract only of the chosen provider', () => {
    expect(errorsOf({ contractId: 'contract-b' }).contractId).toBe('processes.problems.contractOfOtherProvider');
    expect(errorsOf({ contractId: 'contract-gone' }).contractId).toBe('processes.problems.contractOfOtherProvider');
    expect(errorsOf({ providerId: '', contractId: 'contract-a' }).contractId).toBe('processes.problems.contractWithoutProvider');
  });

  it('reports name and contract rules with a field error', () => {
    const errors = errorsOf({ name: 'payroll', contractId: 'contract-b', readiness: 'done' });
    expect(errors.readiness).toBe('processes.problems.readinessInvalid');
    expect(errors.name).toBe('processes.problems.nameTaken');
    expect(errors.contractId).toBe('processes.problems.contractOfOtherProvider');
  });
});
