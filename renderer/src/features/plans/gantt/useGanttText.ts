/**
 * The texts and formats the Gantt's pure builders need, from the translation and the user's
 * locale. Dates are formatted in UTC from their `YYYY-MM-DD` parts, so a label is the same in
 * every time zone.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CalendarDate } from '@shared/domain/types';
import { formatNumber } from '../../../format';
import { userLocale } from '../../../locale';
import type { SceneText } from './ganttLayout';
import { signedDays } from './gridCells';
import type { GridText } from './gridCells';
import type { AxisLabels } from './timeScale';

export interface GanttText {
  readonly grid: GridText;
  readonly scene: SceneText;
}

function utcDate(date: CalendarDate): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/** Formats a calendar date for reading, for example `1 Feb 2021` in British English. */
export function formatCalendarDate(date: CalendarDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utcDate(date));
}

/** Largest number of measured texts kept; the cache starts again beyond it. */
const maxMeasured = 5000;

/**
 * Returns a text measure on a 2D canvas, the way the chart's canvas draws, or `undefined` where
 * there is no DOM (unit tests), so the layout falls back to its estimate.
 */
function canvasMeasure(): ((text: string, font: string) => number) | undefined {
  if (typeof document === 'undefined') return undefined;
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return undefined;
  const widths = new Map<string, number>();
  return (text, font) => {
    const key = `${font}\n${text}`;
    const known = widths.get(key);
    if (known !== undefined) return known;
    if (widths.size >= maxMeasured) widths.clear();
    context.font = font;
    const width = context.measureText(text).width;
    widths.set(key, width);
    return width;
  };
}

function splitWords(list: string): string[] {
  return list
    .split('|')
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '');
}

export function ganttText(t: TFunction, locale: string): GanttText {
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const monthYearFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const duration = (value: number, unit: 'workingDays' | 'calendarDays'): string =>
    unit === 'workingDays'
      ? t('gantt.units.workingDays', { value: formatNumber(value, locale) })
      : t('gantt.units.calendarDays', { value: formatNumber(value, locale) });
  const axis: AxisLabels = {
    month: (month) => monthFormat.format(new Date(Date.UTC(2021, month - 1, 1))),
    monthYear: (year, month) => monthYearFormat.format(new Date(Date.UTC(year, month - 1, 1))),
    quarter: (quarter) => t('gantt.axis.quarter', { quarter }),
  };
  const grid: GridText = {
    date: (date) => dateFormat.format(utcDate(date)),
    duration,
    unitWords: {
      workingDays: splitWords(t('gantt.units.workingDaysWords')),
      calendarDays: splitWords(t('gantt.units.calendarDaysWords')),
    },
    linkTypes: { FS: t('gantt.linkTypes.FS'), SS: t('gantt.linkTypes.SS'), FF: t('gantt.linkTypes.FF'), SF: t('gantt.linkTypes.SF') },
    linkTypeNames: {
      FS: t('gantt.linkTypeNames.FS'),
      SS: t('gantt.linkTypeNames.SS'),
      FF: t('gantt.linkTypeNames.FF'),
      SF: t('gantt.linkTypeNames.SF'),
    },
    percent: (value) => t('units.percent', { value: formatNumber(value, locale) }),
    addedAfterBaseline: t('gantt.grid.addedAfterBaseline'),
    criticalFloat: (floatText) => t('gantt.grid.criticalFloat', { float: floatText }),
    planCalendar: t('gantt.grid.planCalendar'),
    inheritedCalendar: (calendarName) => t('gantt.grid.inheritedCalendar', { calendar: calendarName }),
    missingCalendar: t('gantt.grid.missingCalendar'),
  };
  const measure = canvasMeasure();
  const scene: SceneText = {
    axis,
    variance: (workingDays) => signedDays(workingDays, grid),
    ...(measure === undefined ? {} : { measure }),
  };
  return { grid, scene };
}

export function useGanttText(): GanttText {
  const { t } = useTranslation();
  return useMemo(() => ganttText(t, userLocale), [t]);
}
