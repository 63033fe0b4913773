/** The steering committee pack: its model and `buildReport`. See docs/reports.md. */
export * from './types';
export { buildReport, buildReportStepwise } from './build';
export type { ReportProgress, StepwiseControl } from './build';
export { monthsOfPeriod, periodLabel } from './input';
export type { ReportData } from './input';
