import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../../../shared/domain/plan';
import {
  calendarChoiceLabel,
  calendarUsers,
  calendarUseSentence,
  planTitleList,
} from '../../../../../../renderer/src/features/plans/calendarUse';
import { en } from '../../../../../../renderer/src/i18n/en';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const plans = [
  { id: 'p1', title: 'Devon transition', calendarId: 'weekdays' },
  { id: 'p2', title: 'Cornwall offshore move', calendarId: 'weekdays' },
  { id: 'p3', title: 'Bristol payroll', calendarId: 'weekdays' },
  { id: 'p4', title: 'Manila service desk', calendarId: 'manila' },
];
const tasks = [
  { planId: 'p1', calendarId: 'pune' },
  { planId: 'p1', calendarId: 'pune' },
  { planId: 'p4', calendarId: null },
  { planId: 'deleted-plan', calendarId: 'pune' },
];
const users = calendarUsers(plans, tasks);

function calendar(id: string, name: string, site = ''): Calendar {
  return { id, clock: '0', fieldClocks: {}, name, workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site };
}

describe('calendarUsers', () => {
  it('lists plan calendars by title', () => {
    expect(users.get('weekdays')?.map((user) => user.title)).toEqual(['Bristol payroll', 'Cornwall offshore move', 'Devon transition']);
  });

  it('counts a plan once through its tasks', () => {
    expect(users.get('pune')).toEqual([{ planId: 'p1', title: 'Devon transition' }]);
  });

  it('leaves out unused calendars', () => {
    expect(users.has('night-shift')).toBe(false);
  });
});

describe('planTitleList', () => {
  const using = users.get('weekdays') ?? [];

  it('joins every title under the maximum', () => {
    expect(planTitleList(i18next.t, using, 3, 'en-GB')).toBe('Bristol payroll, Cornwall offshore move and Devon transition');
  });

  it('counts titles over the maximum', () => {
    expect(planTitleList(i18next.t, using, 2, 'en-GB')).toBe('Bristol payroll, Cornwall offshore move and 1 more');
  });
});

describe('calendarChoiceLabel', () => {
  it('names the plans of a shared calendar', () => {
    expect(calendarChoiceLabel(i18next.t, calendar('weekdays', 'Monday to Friday'), users, 'en-GB')).toBe(
      'Monday to Friday – used by 3 plans: Bristol payroll, Cornwall offshore move and 1 more',
    );
  });

  it('shows the site', () => {
    expect(calendarChoiceLabel(i18next.t, calendar('pune', 'Pune week', 'Pune'), users, 'en-GB')).toBe(
      'Pune week (Pune) – used by Devon transition',
    );
  });

  it('says an unused calendar is unused', () => {
    expect(calendarChoiceLabel(i18next.t, calendar('night-shift', 'Night Shift'), users, 'en-GB')).toBe(
      'Night Shift – not used by any plan',
    );
  });
});

describe('calendarUseSentence', () => {
  it('warns that a shared change applies to all', () => {
    expect(calendarUseSentence(i18next.t, 'weekdays', users, 'en-GB')).toBe(
      'Used by 3 plans: Bristol payroll, Cornwall offshore move and Devon transition. A change here moves the dates of all of them.',
    );
  });

  it('names the only plan', () => {
    expect(calendarUseSentence(i18next.t, 'manila', users, 'en-GB')).toBe('Used by 1 plan: Manila service desk.');
  });

  it('says an unused calendar is unused', () => {
    expect(calendarUseSentence(i18next.t, 'night-shift', users, 'en-GB')).toBe('Not used by any plan.');
  });
});
