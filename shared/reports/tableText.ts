/** Builders of report cells, and `compareText`, the code-unit order every section sorts names by. */
import { compareText } from '../kpi/controlTower';
import type { CalendarDate, KpiUnit, Period } from '../domain/types';
import type { ReportCell, ReportCodeGroup } from './types';

export const emptyCell: ReportCell = { kind: 'empty' };

export function textCell(value: string): ReportCell {
  return { kind: 'text', value };
}

export function codeCell(group: ReportCodeGroup, value: string): ReportCell {
  return { kind: 'code', group, value };
}

export function integerCell(value: number): ReportCell {
  return { kind: 'integer', value };
}

export function decimalCell(value: number | null): ReportCell {
  return value === null || !Number.isFinite(value) ? emptyCell : { kind: 'decimal', value };
}

export function shareCell(value: number | null): ReportCell {
  return value === null || !Number.isFinite(value) ? emptyCell : { kind: 'share', value };
}

export function kpiValueCell(value: number | null, unit: KpiUnit): ReportCell {
  return value === null || !Number.isFinite(value) ? emptyCell : { kind: 'kpiValue', value, unit };
}

export function moneyCell(minor: number | null, currency: string): ReportCell {
  return minor === null ? emptyCell : { kind: 'money', minor, currency };
}

export function dateCell(value: CalendarDate | null): ReportCell {
  return value === null ? emptyCell : { kind: 'date', value };
}

export function monthCell(value: Period | null): ReportCell {
  return value === null ? emptyCell : { kind: 'month', value };
}

export { compareText };

export function booleanCell(value: boolean): ReportCell {
  return { kind: 'boolean', value };
}
