import { describe, expect, it } from 'vitest';
import { saveLabel } from '../../../../../../renderer/src/features/undo/saveLabel';

const labels = {
  add: (name: string) => `adding ${name}`,
  edit: (name: string) => `editing ${name}`,
  rename: (from: string, to: string) => `renaming ${from} to ${to}`,
};

describe('saveLabel', () => {
  it('names an added record', () => {
    expect(saveLabel(null, 'Payroll', labels)).toBe('adding Payroll');
  });

  it('names an edit by the unchanged name', () => {
    expect(saveLabel('Payroll', 'Payroll', labels)).toBe('editing Payroll');
  });

  it('names both names of a rename', () => {
    expect(saveLabel('Payroll', 'Payroll and expenses', labels)).toBe('renaming Payroll to Payroll and expenses');
  });
});
