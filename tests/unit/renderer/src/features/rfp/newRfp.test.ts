import { describe, expect, it } from 'vitest';
import { checkNewRfp, emptyNewRfpDraft } from '../../../../../../renderer/src/features/rfp/newRfp';
import type { NewRfpDraft } from '../../../../../../renderer/src/features/rfp/newRfp';

const valid: NewRfpDraft = {
  ...emptyNewRfpDraft,
  title: ' Payroll ',
  scope: 'Payroll\n\n Accounts payable \nPayroll',
  baseCurrency: 'eur',
};

describe('checkNewRfp', () => {
  it('accepts a valid draft and normalises it', () => {
    const check = checkNewRfp({ ...valid, issuedOn: '2026-01-05', responseDueOn: '2026-02-01' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.values.title).toBe('Payroll');
    expect(check.values.scope).toEqual(['Payroll', 'Accounts payable']);
    expect(check.values.baseCurrency).toBe('EUR');
    expect(check.values.termMonths).toBe(36);
    expect(check.values.questionsDueOn).toBeNull();
    expect(check.values.responseDueOn).toBe('2026-02-01');
  });

  it('names every invalid field', () => {
    const check = checkNewRfp({ ...emptyNewRfpDraft, baseCurrency: 'pounds', termMonths: '0', issuedOn: '2026-02-30' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((problem) => problem.field)).toEqual(['title', 'scope', 'baseCurrency', 'termMonths', 'issuedOn']);
  });

  it('rejects dates out of order', () => {
    const check = checkNewRfp({ ...valid, issuedOn: '2026-03-01', responseDueOn: '2026-02-01' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([{ field: 'responseDueOn', key: 'dateOutOfOrder' }]);
  });

  it('rejects fractional term', () => {
    expect(checkNewRfp({ ...valid, termMonths: '12.5' }).ok).toBe(false);
  });
});
