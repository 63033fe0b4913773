import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../../../../shared/schedule/days';
import {
  anchoredScrollLeft,
  axisHeader,
  axisWidth,
  createTimeScale,
  dayToX,
  stepZoom,
  xToDay,
} from '../../../../../../../renderer/src/features/plans/gantt/timeScale';
import type { AxisLabels } from '../../../../../../../renderer/src/features/plans/gantt/timeScale';

const labels: AxisLabels = {
  month: (month) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1] ?? '?',
  monthYear: (year, month) => `${month}/${year}`,
  quarter: (quarter) => `Q${quarter}`,
};

const day = (date: string) => toDayNumber(date);

describe('createTimeScale', () => {
  it('starts day zoom on a Monday before the plan', () => {
    const scale = createTimeScale('days', day('2021-02-03'), day('2021-02-26'));
    expect(scale.firstDay).toBe(day('2021-01-25'));
    expect(scale.endDay).toBeGreaterThan(day('2021-02-26'));
    expect(scale.dayWidth).toBe(28);
  });

  it('starts month zoom on the first of a month', () => {
    const scale = createTimeScale('months', day('2021-02-10'), day('2021-10-08'));
    expect(scale.firstDay).toBe(day('2021-01-01'));
    expect(scale.endDay).toBe(day('2021-11-01'));
  });

  it('starts quarter zoom on a quarter', () => {
    const scale = createTimeScale('quarters', day('2021-05-10'), day('2021-10-08'));
    expect(scale.firstDay).toBe(day('2021-04-01'));
    expect(scale.endDay).toBe(day('2022-01-01'));
  });

  it('narrows the axis as zoom widens', () => {
    const widths = (['days', 'weeks', 'months', 'quarters'] as const).map((zoom) =>
      axisWidth(createTimeScale(zoom, day('2021-02-01'), day('2021-12-31'))),
    );
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });
});

describe('dayToX and xToDay', () => {
  const scale = createTimeScale('weeks', day('2021-02-01'), day('2021-06-30'));

  it('are inverse', () => {
    const target = day('2021-03-17');
    expect(xToDay(scale, dayToX(scale, target))).toBe(target);
  });

  it('gives a day its width', () => {
    expect(dayToX(scale, day('2021-03-18')) - dayToX(scale, day('2021-03-17'))).toBe(7);
  });

  it('keeps the anchor day under the pointer', () => {
    const days = createTimeScale('days', day('2021-02-01'), day('2021-06-30'));
    const anchor = day('2021-03-17');
    const scroll = anchoredScrollLeft(days, anchor, 200);
    expect(dayToX(days, anchor) - scroll).toBe(200);
  });
});

describe('stepZoom', () => {
  it('moves one level and stops at the ends', () => {
    expect(stepZoom('weeks', 1)).toBe('months');
    expect(stepZoom('weeks', -1)).toBe('days');
    expect(stepZoom('days', -1)).toBe('days');
    expect(stepZoom('quarters', 1)).toBe('quarters');
  });
});

describe('axisHeader', () => {
  it('labels days under months', () => {
    const scale = createTimeScale('days', day('2021-02-01'), day('2021-03-31'));
    const header = axisHeader(scale, day('2021-02-26'), day('2021-03-03'), labels);
    expect(header.upper.map((band) => band.label)).toEqual(['2/2021', '3/2021']);
    expect(header.lower.map((band) => band.label)).toEqual(['26', '27', '28', '1', '2']);
  });

  it('labels weeks by their Monday', () => {
    const scale = createTimeScale('weeks', day('2021-02-01'), day('2021-03-31'));
    const header = axisHeader(scale, day('2021-02-01'), day('2021-02-20'), labels);
    expect(header.lower.map((band) => [band.label, band.endDay - band.startDay])).toEqual([
      ['1', 7],
      ['8', 7],
      ['15', 7],
    ]);
  });

  it('labels months under years', () => {
    const scale = createTimeScale('months', day('2021-11-01'), day('2022-02-28'));
    const header = axisHeader(scale, day('2021-11-15'), day('2022-02-01'), labels);
    expect(header.upper.map((band) => band.label)).toEqual(['2021', '2022']);
    expect(header.lower.map((band) => band.label)).toEqual(['Nov', 'Dec', 'Jan']);
    expect(header.lower[1]?.endDay).toBe(day('2022-01-01'));
  });

  it('labels quarters', () => {
    const scale = createTimeScale('quarters', day('2021-01-01'), day('2021-12-31'));
    const header = axisHeader(scale, day('2021-01-01'), day('2021-12-31'), labels);
    expect(header.lower.map((band) => band.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });
});
