import { describe, expect, it } from 'vitest';
import {
  checkCalendarDraft,
  draftOf,
  emptyCalendarDraft,
  parseHolidays,
  toggleWeekday,
} from '../../../../../../renderer/src/features/plans/calendarForm';

describe('parseHolidays', () => {
  it('splits lines, commas and spaces', () => {
    expect(parseHolidays('2026-12-25\n2026-12-28, 2027-01-01  \n\n')).toEqual({
      ok: true,
      holidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
    });
  });

  it('reports the first invalid date', () => {
    expect(parseHolidays('2026-12-25\n2026-02-29\n25/12/2026')).toEqual({ ok: false, invalid: '2026-02-29' });
  });

  it('accepts an empty text', () => {
    expect(parseHolidays('  ')).toEqual({ ok: true, holidays: [] });
  });
});

describe('toggleWeekday', () => {
  it('adds a day in order', () => {
    expect(toggleWeekday([1, 2, 3, 4, 5], 6, true)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('removes a day', () => {
    expect(toggleWeekday([1, 2, 3, 4, 5], 5, false)).toEqual([1, 2, 3, 4]);
  });
});

describe('draftOf', () => {
  it('writes one holiday per line', () => {
    const draft = draftOf({ name: 'UK', site: '', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2026-12-28'] });
    expect(draft.holidays).toBe('2026-12-25\n2026-12-28');
  });
});

describe('checkCalendarDraft', () => {
  const draft = { ...emptyCalendarDraft, name: 'Pune', holidays: '2026-10-02' };

  it('returns the holidays of a valid draft', () => {
    expect(checkCalendarDraft(draft)).toEqual({ ok: true, holidays: ['2026-10-02'] });
  });

  it('reports every field at once', () => {
    expect(checkCalendarDraft({ name: '  ', site: '', workingWeekdays: [], holidays: '2026-10-02\nsoon' })).toEqual({
      ok: false,
      problems: { name: 'missing', workingWeekdays: 'none', holidays: { invalid: 'soon' } },
    });
  });

  it('reports one field alone', () => {
    expect(checkCalendarDraft({ ...draft, workingWeekdays: [] })).toEqual({ ok: false, problems: { workingWeekdays: 'none' } });
  });
});
