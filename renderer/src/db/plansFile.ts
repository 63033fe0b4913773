/**
 * Project files of transition plans: a preview of an MSPDI, MPX, GanttProject or plan CSV file
 * with its import report, the plan created from it in one transaction, and the export of a
 * stored plan as MSPDI XML or CSV.
 */
import type { Calendar, Dependency, Plan, Task } from '@shared/domain/plan';
import type { CalendarDate, HlcString, Id, ImportSummary } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import { schedulePlan } from '@shared/schedule/engine';
import { exportPlanCsv } from '@shared/schedule/io/csvExport';
import { importProjectFile } from '@shared/schedule/io/index';
import { exportMspdi } from '@shared/schedule/io/mspdiExport';
import type { ExportablePlan, ImportedPlan, ProjectImportError, ProjectImportReport } from '@shared/schedule/io/types';
import { v7 as uuidv7 } from 'uuid';
import { importAuditEntry } from './auditEntries';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { getOrFail, inPlanTransaction, planFailure, readPlanRecords, repairPlanState, requireText, scheduleFailure } from './plansSupport';
import { raiseVersionVector } from './versionVector';

/** A project file read and checked, not yet stored. */
export interface PlanFilePreview {
  readonly fileName: string;
  readonly imported: ImportedPlan;
  /** Report of the records converted, changed on the way or dropped, with the reasons. */
  readonly report: ProjectImportReport;
}

export type PlanExportFormat = 'mspdi' | 'csv';

export interface ExportedPlanFile {
  /** Suggested file name: the plan title without characters that file systems reject, and the format's extension. */
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * Turns an importer's error into a coded failure. A `line` selects the sentence that names it
 * (`reason` `atLine`), and a parser's `reason` text moves to the cause for the log.
 */
function importFailure(error: ProjectImportError): AppFailure {
  const { reason, ...detail } = error.detail;
  const withLine = typeof detail.line === 'number' ? { ...detail, reason: 'atLine' } : detail;
  return new AppFailure({ code: error.code, detail: withLine, ...(reason === undefined ? {} : { cause: String(reason) }) });
}

/**
 * Reads a project file (format taken from its content) and checks that the plan it describes
 * can be scheduled, without writing anything. Rejects with a `projectFile.*` code naming the
 * file, line and field, or with the first `schedule.*` error, such as a loop of links, naming its
 * tasks. `fallbackStartOn` is the plan start for a file that gives none (usually today).
 */
export function previewPlanFile(bytes: Uint8Array, fileName: string, fallbackStartOn: CalendarDate): PlanFilePreview {
  const outcome = importProjectFile(bytes, fileName, { newId: uuidv7, fallbackStartOn });
  if (!outcome.ok) throw importFailure(outcome.error);

  const { plan, tasks, dependencies, calendars } = outcome.plan;
  const scheduled = schedulePlan({ plan, tasks, dependencies, calendars });
  const error = scheduled.issues.find((issue) => issue.severity === 'error');
  if (error !== undefined) throw scheduleFailure(error);
  return { fileName, imported: outcome.plan, report: outcome.report };
}

/** Returns the file name without its last extension, for a plan title. */
function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** Options of the plan created from a previewed file. */
export interface ImportedPlanOptions {
  readonly providerId: Id | null;
  /** Plan title; the file's own title, else the file name without extension, when omitted or blank. */
  readonly title?: string;
}

/**
 * Stores a previewed project file as a new plan in one transaction: its calendars, the plan, its
 * tasks and dependencies, all under one clock, and one audit entry for the import with the file
 * name and counts. Rejects with `storage.notFound` when the provider is gone, and writes nothing.
 */
export async function createPlanFromImport(
  db: PortfolioDb,
  preview: PlanFilePreview,
  options: ImportedPlanOptions,
  context: DeviceContext,
): Promise<Plan> {
  const { imported } = preview;
  const title = requireText(options.title?.trim() || imported.plan.title.trim() || baseName(preview.fileName) || preview.fileName, 'title');

  return await inPlanTransaction(db, { table: 'plans', file: preview.fileName }, async () => {
    if (options.providerId !== null) await getOrFail(db, 'providers', options.providerId);
    const clock: HlcString = context.tick();
    const sync = { clock, fieldClocks: {} };
    const planId = uuidv7();
    // A project file names no contract; the user can choose one on the plan screen.
    const plan: Plan = { ...imported.plan, ...sync, id: planId, providerId: options.providerId, contractId: null, title };
    const calendars: Calendar[] = imported.calendars.map((calendar) => ({ ...calendar, ...sync }));
    const tasks: Task[] = imported.tasks.map((task) => ({ ...task, ...sync, planId }));
    const dependencies: Dependency[] = imported.dependencies.map((dependency) => ({ ...dependency, ...sync, planId }));

    await db.planCalendars.bulkAdd(calendars);
    await db.plans.add(plan);
    await db.planTasks.bulkAdd(tasks);
    await db.planDependencies.bulkAdd(dependencies);
    const summary: ImportSummary = {
      fileName: preview.fileName,
      rows: tasks.length,
      added: { planCalendars: calendars.length, plans: 1, planTasks: tasks.length, planDependencies: dependencies.length },
      changed: {},
      unchanged: {},
    };
    await db.audit.add(importAuditEntry(context, clock, summary));
    await raiseVersionVector(db, clock);
    return plan;
  });
}

/** Characters that Windows, macOS or Linux reject in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are invalid in file names, so the pattern must match them
const unsafeFileNameCharacters = /[\u0000-\u001f<>:"/\\|?*]+/g;

/**
 * Writes a stored plan as a Microsoft Project XML (MSPDI) or plan CSV file. The file carries the
 * plan's calendar and the site calendars its tasks use. The CSV's Start and Finish columns hold
 * the scheduled dates when the plan can be scheduled, and are empty otherwise. Rejects with
 * `storage.notFound` when there is no plan with `planId`.
 */
export async function exportPlanFile(db: PortfolioDb, planId: Id, format: PlanExportFormat): Promise<ExportedPlanFile> {
  const records = await db.transaction('r', [db.plans, db.planTasks, db.planDependencies, db.planBaselines, db.planCalendars], () =>
    readPlanRecords(db, planId),
  );
  if (records === null) throw planFailure('storage.notFound', { table: 'plans', id: planId });

  const calendarIds = new Set(records.calendars.map((calendar) => calendar.id));
  const state = repairPlanState(records.tasks, records.dependencies, calendarIds);
  const used = new Set([records.plan.calendarId, ...state.tasks.flatMap((task) => (task.calendarId === null ? [] : [task.calendarId]))]);
  const exportable: ExportablePlan = {
    plan: records.plan,
    tasks: state.tasks,
    dependencies: state.dependencies,
    calendars: records.calendars.filter((calendar) => used.has(calendar.id)),
  };

  const base = records.plan.title.replace(unsafeFileNameCharacters, '-').trim() || 'plan';
  if (format === 'mspdi') {
    return { fileName: `${base}.xml`, mimeType: 'application/xml', bytes: new TextEncoder().encode(exportMspdi(exportable)) };
  }
  const scheduled = schedulePlan({ ...exportable, plan: records.plan });
  const text = exportPlanCsv(exportable, scheduled.ok ? scheduled.schedule : undefined);
  return { fileName: `${base}.csv`, mimeType: 'text/csv', bytes: new TextEncoder().encode(text) };
}
