/**
 * Result of importing a project file (MSPDI XML, MPX, GanttProject `.gan` or the CSV that
 * `exportCsv` writes): the plan records without sync metadata, and a report of what was
 * converted, changed on the way, or dropped.
 */
import type { CalendarData, DependencyData, PlanData, TaskData } from '../../domain/plan';
import type { CalendarDate, Id } from '../../domain/types';
import type { ErrorDetail } from '../../errors';
import type { WithId } from '../model';

export type ProjectFileFormat = 'mspdi' | 'mpx' | 'gan' | 'csv';

/**
 * Codes of the report entries. Each has one sentence under `projectImport.<code>` in the
 * renderer's translation files, filled from `detail`.
 */
export const projectImportNoteCodes = [
  // Links dropped.
  'selfDependency',
  'unknownPredecessor',
  'duplicateDependency',
  'dependencyWithinSummary',
  'unsupportedLinkType',
  'unsupportedLagUnit',
  'lagOutOfRange',
  // Task fields dropped or changed.
  'unsupportedConstraint',
  'durationRounded',
  'lagRounded',
  'nameTrimmed',
  'startPinned',
  'projectSummaryTask',
  'recurringTasksKept',
  'rolledUpDurationUsed',
  // Calendars assumed because the file has none or does not name the plan's.
  'noCalendar',
  'planCalendarUnnamed',
  'planCalendarNotFound',
  'planCalendarAssumed',
  // Resource assignments kept as task owners.
  'resourcesAsOwners',
  'ownersJoined',
  // Finish dates the file states that differ from the imported plan's schedule.
  'planFinishLater',
  'planFinishEarlier',
  'taskFinishesDiffer',
  // Whole kinds of data the plan model has no place for.
  'resourcesDropped',
  'assignmentsDropped',
  'costsDropped',
  'baselineDropped',
  'customFieldsDropped',
  'workingHoursDropped',
  'calendarExceptionDropped',
  'resourceCalendarDropped',
  'unknownRecord',
] as const;

export type ProjectImportNoteCode = (typeof projectImportNoteCodes)[number];

/** Separator of the task names in a note's `tasks` detail; the report view splits the list on it. */
export const noteNameSeparator = '\n';

/** Most task names one note lists; its `count` detail gives the total. */
export const maxNoteNames = 10;

export interface ProjectImportNote {
  /** `dropped` when data was left out, `changed` when it was kept in another form. */
  readonly kind: 'dropped' | 'changed';
  readonly code: ProjectImportNoteCode;
  /**
   * Values for the sentence, for example the task name, the source value and the count. Dates
   * are `YYYY-MM-DD`; `tasks` lists names separated by `noteNameSeparator`; `reason` names a
   * sentence under `projectImport.reasons`.
   */
  readonly detail: ErrorDetail;
}

export interface ProjectImportReport {
  readonly format: ProjectFileFormat;
  /** Character encoding the file was decoded with, as a TextDecoder label. */
  readonly encoding: string;
  /** Counts of what was converted. */
  readonly converted: {
    readonly tasks: number;
    readonly summaryTasks: number;
    readonly milestones: number;
    readonly dependencies: number;
    readonly calendars: number;
    readonly startConstraints: number;
  };
  readonly notes: readonly ProjectImportNote[];
}

export type ImportedTask = WithId<Omit<TaskData, 'planId'>>;
export type ImportedDependency = WithId<Omit<DependencyData, 'planId'>>;
export type ImportedCalendar = WithId<CalendarData>;

/** Plan records as imported; the caller adds `planId` and sync metadata when it stores them. */
export interface ImportedPlan {
  readonly plan: Omit<PlanData, 'providerId' | 'contractId'>;
  readonly tasks: readonly ImportedTask[];
  readonly dependencies: readonly ImportedDependency[];
  readonly calendars: readonly ImportedCalendar[];
}

/** Codes of the errors that reject a whole file; `errorCodes` in `shared/errors.ts` includes them. */
export const projectImportErrorCodes = [
  'projectFile.empty',
  'projectFile.unknownFormat',
  'projectFile.unsupportedEncoding',
  'projectFile.invalidXml',
  'projectFile.doctypeRejected',
  'projectFile.invalidRecord',
  'projectFile.invalidValue',
  'projectFile.duplicateKey',
  'projectFile.unknownParent',
  'projectFile.unknownCalendar',
  'projectFile.severalPlanCalendars',
  'projectFile.noTasks',
] as const;

export type ProjectImportErrorCode = (typeof projectImportErrorCodes)[number];

export interface ProjectImportError {
  readonly code: ProjectImportErrorCode;
  /**
   * Always contains `file`; also `line`, `field` and `value` where they apply, `firstLine` for a
   * duplicate key and `parent` for a missing summary task.
   */
  readonly detail: ErrorDetail;
}

export type ProjectImportOutcome =
  | { readonly ok: true; readonly plan: ImportedPlan; readonly report: ProjectImportReport }
  | { readonly ok: false; readonly error: ProjectImportError };

export interface ProjectImportOptions {
  /** Returns a new record id; the app passes its UUIDv7 generator. */
  readonly newId: () => Id;
  /** Plan start used when the file gives none (a CSV without start dates); the app passes today. */
  readonly fallbackStartOn: CalendarDate;
}

/** Thrown inside an importer and turned into a failed `ProjectImportOutcome` at its entry point. */
export class ProjectImportFailure extends Error {
  constructor(readonly error: ProjectImportError) {
    super(`${error.code}: ${JSON.stringify(error.detail)}`);
    this.name = 'ProjectImportFailure';
  }
}

/** Plan records an exporter writes; stored records and `ImportedPlan` both fit. */
export interface ExportablePlan {
  readonly plan: Pick<PlanData, 'title' | 'description' | 'startOn' | 'calendarId'>;
  readonly tasks: readonly WithId<Omit<TaskData, 'planId' | 'goNoGo' | 'templateKey'>>[];
  readonly dependencies: readonly WithId<Omit<DependencyData, 'planId'>>[];
  readonly calendars: readonly WithId<CalendarData>[];
}
