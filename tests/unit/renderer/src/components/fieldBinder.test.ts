import { describe, expect, it } from 'vitest';
import { fieldBinder } from '../../../../../renderer/src/components/FormField';

interface Draft {
  readonly city: string;
  readonly fte: string;
  readonly languages: readonly string[];
}

describe('fieldBinder', () => {
  const draft: Draft = { city: 'Pune', fte: '12,5', languages: [] };

  it('derives the id from the form id', () => {
    const bind = fieldBinder(':r1:', draft, () => undefined, () => undefined);
    expect(bind('city').id).toBe(':r1:-city');
  });

  it('passes the value and the error', () => {
    const bind = fieldBinder(':r1:', draft, (field) => (field === 'fte' ? 'FTE must be 0 or more.' : undefined), () => undefined);
    expect(bind('fte').value).toBe('12,5');
    expect(bind('fte').error).toBe('FTE must be 0 or more.');
    expect(bind('city').error).toBeUndefined();
  });

  it('sends a change as a patch of that field', () => {
    const patches: Partial<Draft>[] = [];
    const bind = fieldBinder(':r1:', draft, () => undefined, (patch) => patches.push(patch));
    bind('city').onChange('Mumbai');
    expect(patches).toEqual([{ city: 'Mumbai' }]);
  });
});
