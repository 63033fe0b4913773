/**
 * The plans that use each working-day calendar, and the texts that name them in the calendar panel
 * and in calendar pickers. A calendar belongs to the whole portfolio, so a change to it moves the
 * dates of every plan that uses it. Pure.
 */
import type { TFunction } from 'i18next';
import type { Calendar, Plan, Task } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';

/** A plan that uses a calendar, as its plan calendar or through a task's site calendar. */
export interface CalendarUser {
  readonly planId: Id;
  readonly title: string;
}

/** Plans using each calendar, by calendar id, sorted by title. A calendar that no plan uses has no entry. */
export type CalendarUsers = ReadonlyMap<Id, readonly CalendarUser[]>;

/**
 * Collects the plans that use each calendar. A plan counts once per calendar, whether it is the
 * plan's calendar or the calendar of one or more of its tasks. A task whose plan is not in
 * `plans`, for example after a merge deleted the plan, does not count.
 */
export function calendarUsers(
  plans: readonly Pick<Plan, 'id' | 'title' | 'calendarId'>[],
  tasks: readonly Pick<Task, 'planId' | 'calendarId'>[],
): CalendarUsers {
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const users = new Map<Id, Map<Id, CalendarUser>>();
  const add = (calendarId: Id, plan: Pick<Plan, 'id' | 'title'>) => {
    let byPlan = users.get(calendarId);
    if (byPlan === undefined) {
      byPlan = new Map();
      users.set(calendarId, byPlan);
    }
    byPlan.set(plan.id, { planId: plan.id, title: plan.title });
  };

  for (const plan of plans) add(plan.calendarId, plan);
  for (const task of tasks) {
    const plan = plansById.get(task.planId);
    if (task.calendarId !== null && plan !== undefined) add(task.calendarId, plan);
  }

  const sorted = new Map<Id, CalendarUser[]>();
  for (const [calendarId, byPlan] of users) {
    sorted.set(
      calendarId,
      [...byPlan.values()].sort((a, b) => a.title.localeCompare(b.title) || a.planId.localeCompare(b.planId)),
    );
  }
  return sorted;
}

/**
 * Joins plan titles into one list in the user's language, for example "A, B and 2 more" when
 * `max` is 2 and there are four titles.
 */
export function planTitleList(t: TFunction, users: readonly CalendarUser[], max: number, locale: string): string {
  const shown = users.slice(0, max).map((user) => user.title);
  const hidden = users.length - shown.length;
  const items = hidden > 0 ? [...shown, t('plans.calendarUse.more', { count: hidden })] : shown;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** Titles a calendar picker option names before it counts the rest, so that an option fits on a line. */
const titlesInOption = 2;
/** Titles the calendar panel names before it counts the rest. */
const titlesInPanel = 5;

/**
 * Returns the text of a calendar in a picker: its name, its site when it has one, and the plans
 * that use it, for example "Monday to Friday – used by 3 plans: Devon transition, Cornwall move
 * and 1 more".
 */
export function calendarChoiceLabel(t: TFunction, calendar: Calendar, users: CalendarUsers, locale: string): string {
  const using = users.get(calendar.id) ?? [];
  const use =
    using.length === 0
      ? t('plans.calendarUse.optionUnused')
      : t('plans.calendarUse.optionUsedBy', { count: using.length, plans: planTitleList(t, using, titlesInOption, locale) });
  return calendar.site === ''
    ? t('plans.calendarUse.option', { name: calendar.name, use })
    : t('plans.calendarUse.optionSite', { name: calendar.name, site: calendar.site, use });
}

/**
 * Returns the sentence under a calendar in the calendar panel: the plans that use it, and for a
 * calendar that several plans share, that a change applies to all of them.
 */
export function calendarUseSentence(t: TFunction, calendarId: Id, users: CalendarUsers, locale: string): string {
  const using = users.get(calendarId) ?? [];
  if (using.length === 0) return t('plans.calendarUse.panelUnused');
  return t('plans.calendarUse.panelUsedBy', { count: using.length, plans: planTitleList(t, using, titlesInPanel, locale) });
}
