/**
 * Turns the tasks, links and calendars read from any project file format into plan records:
 * assigns ids, resolves the hierarchy, rounds durations and lags to whole units, and drops the
 * links that the plan model cannot hold, reporting each change.
 */
import type { CalendarDate } from '../../domain/types';
import type { DependencyType, DurationUnit } from '../../domain/plan';
import type { ErrorDetail } from '../../errors';
import type { FinishReason } from './finishComparison';
import { compareStatedFinishes } from './finishComparison';
import type {
  ImportedCalendar,
  ImportedDependency,
  ImportedPlan,
  ImportedTask,
  ProjectFileFormat,
  ProjectImportNote,
  ProjectImportNoteCode,
  ProjectImportOptions,
  ProjectImportReport,
} from './types';
import { maxNoteNames, noteNameSeparator, ProjectImportFailure } from './types';

/** A task as read from the file, before ids are assigned. */
export interface SourceTask {
  /** Identifier that links and child tasks use in the file (UID, ID or GanttProject id). */
  readonly key: string;
  readonly parentKey: string | null;
  readonly name: string;
  /** Duration in `durationUnit`, possibly fractional; ignored for a milestone. */
  readonly duration: number;
  readonly durationUnit: DurationUnit;
  readonly milestone: boolean;
  /** Percent complete, 0 to 100, possibly fractional. */
  readonly progress: number;
  readonly startNoEarlierThan: CalendarDate | null;
  readonly notes: string;
  readonly calendarKey: string | null;
  readonly owner: string;
  /** Finish date the file gives for the task, the last day of work; `null` when it gives none. */
  readonly statedFinish: CalendarDate | null;
}

/** A link as read from the file. */
export interface SourceLink {
  readonly predecessorKey: string;
  readonly successorKey: string;
  readonly type: DependencyType;
  /** Lag in `lagUnit`, possibly fractional; negative for a lead. */
  readonly lag: number;
  readonly lagUnit: DurationUnit;
}

export interface SourceCalendar {
  readonly key: string;
  readonly name: string;
  readonly workingWeekdays: readonly number[];
  readonly holidays: readonly CalendarDate[];
  /** Delivery site, or empty when the file names none. */
  readonly site: string;
}

export interface SourcePlan {
  readonly title: string;
  readonly description: string;
  /** Plan start, or `null` when the file gives none and `fallbackStartOn` applies. */
  readonly startOn: CalendarDate | null;
  /** Key of the plan calendar, or `null` to use a Monday-to-Friday calendar without holidays. */
  readonly calendarKey: string | null;
  /** Finish date of the whole project as the file gives it, or `null` when it gives none. */
  readonly statedFinish: CalendarDate | null;
  readonly tasks: readonly SourceTask[];
  readonly links: readonly SourceLink[];
  readonly calendars: readonly SourceCalendar[];
}

/** Largest lag the plan editor accepts, in either direction. */
const maxLag = 100_000;

/** Report entries collected while a file is read. */
export class ImportNotes {
  readonly entries: ProjectImportNote[] = [];

  dropped(code: ProjectImportNoteCode, detail: ErrorDetail = {}): void {
    this.entries.push({ kind: 'dropped', code, detail });
  }

  changed(code: ProjectImportNoteCode, detail: ErrorDetail = {}): void {
    this.entries.push({ kind: 'changed', code, detail });
  }

  /**
   * Adds one `changed` entry that lists task names: the first `maxNoteNames` of them, and the
   * count of all. Adds nothing for an empty list.
   */
  changedTasks(code: ProjectImportNoteCode, names: readonly string[]): void {
    if (names.length > 0) {
      const listed = names.slice(0, maxNoteNames).map((name) => name.trim().replaceAll(noteNameSeparator, ' '));
      this.changed(code, { count: names.length, tasks: listed.join(noteNameSeparator) });
    }
  }

  /** Adds one `dropped` entry with a count, when the count is above zero. */
  droppedCount(code: ProjectImportNoteCode, count: number, detail: ErrorDetail = {}): void {
    if (count > 0) {
      this.dropped(code, { ...detail, count });
    }
  }
}

export interface BuildContext {
  readonly fileName: string;
  readonly format: ProjectFileFormat;
  readonly encoding: string;
  readonly notes: ImportNotes;
  readonly options: ProjectImportOptions;
}

/** Builds the plan records and the report from what an importer read. */
export function buildImportedPlan(source: SourcePlan, context: BuildContext): { plan: ImportedPlan; report: ProjectImportReport } {
  const { notes, options } = context;
  if (source.tasks.length === 0) {
    throw new ProjectImportFailure({ code: 'projectFile.noTasks', detail: { file: context.fileName } });
  }

  const calendars: ImportedCalendar[] = source.calendars.map((calendar) => ({
    id: options.newId(),
    name: calendar.name,
    workingWeekdays: [...new Set(calendar.workingWeekdays)].sort((a, b) => a - b),
    holidays: [...new Set(calendar.holidays)].sort(),
    site: calendar.site,
  }));
  const calendarIdByKey = new Map(source.calendars.map((calendar, index) => [calendar.key, calendars[index]?.id ?? '']));
  let planCalendarId = source.calendarKey === null ? undefined : calendarIdByKey.get(source.calendarKey);
  if (planCalendarId === undefined) {
    const standard: ImportedCalendar = { id: options.newId(), name: 'Standard', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '' };
    calendars.unshift(standard);
    planCalendarId = standard.id;
    noteAssumedCalendar(source, notes);
  }

  const idByKey = new Map<string, string>();
  for (const task of source.tasks) {
    if (idByKey.has(task.key)) {
      throw new ProjectImportFailure({
        code: 'projectFile.invalidValue',
        detail: { file: context.fileName, field: 'task id', value: task.key },
      });
    }
    idByKey.set(task.key, options.newId());
  }
  const parentOf = new Map<string, string | null>(
    source.tasks.map((task) => [task.key, task.parentKey !== null && idByKey.has(task.parentKey) ? task.parentKey : null]),
  );
  const summaryKeys = new Set([...parentOf.values()].filter((key): key is string => key !== null));

  const orderByParent = new Map<string | null, number>();
  const tasks = source.tasks.map((task): ImportedTask => {
    const parentKey = parentOf.get(task.key) ?? null;
    const order = orderByParent.get(parentKey) ?? 0;
    orderByParent.set(parentKey, order + 1);
    const name = task.name.trim();
    if (name !== task.name) {
      notes.changed('nameTrimmed', { task: name });
    }
    const summary = summaryKeys.has(task.key);
    const duration = summary || task.milestone ? 0 : wholeDuration(task, name, notes);
    return {
      id: idByKey.get(task.key) ?? '',
      parentId: parentKey === null ? null : (idByKey.get(parentKey) ?? null),
      order,
      name,
      duration,
      durationUnit: task.durationUnit,
      startNoEarlierThan: task.startNoEarlierThan,
      progress: Math.min(100, Math.max(0, Math.round(task.progress))),
      owner: task.owner,
      notes: task.notes,
      calendarId: task.calendarKey === null ? null : (calendarIdByKey.get(task.calendarKey) ?? null),
      goNoGo: false,
      templateKey: null,
    };
  });
  const nameByKey = new Map(source.tasks.map((task) => [task.key, task.name.trim()]));
  const dependencies = buildLinks(source.links, { idByKey, parentOf, nameByKey, notes, newId: options.newId });

  const plan: ImportedPlan = {
    plan: {
      title: source.title,
      description: source.description,
      startOn: source.startOn ?? options.fallbackStartOn,
      calendarId: planCalendarId,
      templateKey: null,
    },
    tasks,
    dependencies,
    calendars,
  };
  const statedTasks = new Map(
    source.tasks.flatMap((task) => (task.statedFinish === null ? [] : [[idByKey.get(task.key) ?? '', task.statedFinish] as const])),
  );
  const reason: FinishReason = context.format === 'csv' ? 'csv' : 'hours';
  compareStatedFinishes(plan, { plan: source.statedFinish, tasks: statedTasks }, reason, notes);

  const report: ProjectImportReport = {
    format: context.format,
    encoding: context.encoding,
    converted: {
      tasks: tasks.length,
      summaryTasks: summaryKeys.size,
      milestones: tasks.filter((task, index) => !summaryKeys.has(source.tasks[index]?.key ?? '') && task.duration === 0).length,
      dependencies: dependencies.length,
      calendars: calendars.length,
      startConstraints: tasks.filter((task) => task.startNoEarlierThan !== null).length,
    },
    notes: notes.entries,
  };
  return { plan, report };
}

/** Reports why the plan got a Monday-to-Friday calendar without holidays. */
function noteAssumedCalendar(source: SourcePlan, notes: ImportNotes): void {
  if (source.calendarKey !== null) {
    notes.changed('planCalendarNotFound', { calendar: source.calendarKey });
  } else if (source.calendars.length > 0) {
    notes.changed('planCalendarUnnamed');
  } else {
    notes.changed('noCalendar');
  }
}

/**
 * Rounds a leaf task's duration to whole units. A task shorter than half a unit keeps 1 unit,
 * so that it does not become a milestone.
 */
function wholeDuration(task: SourceTask, name: string, notes: ImportNotes): number {
  const rounded = task.duration > 0 ? Math.max(1, Math.round(task.duration)) : 0;
  if (rounded !== task.duration) {
    notes.changed('durationRounded', { task: name, value: roundForReport(task.duration), rounded, unit: task.durationUnit });
  }
  return rounded;
}

interface LinkContext {
  readonly idByKey: ReadonlyMap<string, string>;
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly nameByKey: ReadonlyMap<string, string>;
  readonly notes: ImportNotes;
  readonly newId: () => string;
}

function buildLinks(links: readonly SourceLink[], context: LinkContext): ImportedDependency[] {
  const { idByKey, nameByKey, notes } = context;
  const seenPairs = new Set<string>();
  const dependencies: ImportedDependency[] = [];
  for (const link of links) {
    const predecessor = nameByKey.get(link.predecessorKey);
    const successor = nameByKey.get(link.successorKey);
    if (predecessor === undefined || successor === undefined) {
      notes.dropped('unknownPredecessor', { task: successor ?? link.successorKey, predecessor: link.predecessorKey });
      continue;
    }
    if (link.predecessorKey === link.successorKey) {
      notes.dropped('selfDependency', { task: successor });
      continue;
    }
    if (
      isAncestor(link.predecessorKey, link.successorKey, context.parentOf) ||
      isAncestor(link.successorKey, link.predecessorKey, context.parentOf)
    ) {
      notes.dropped('dependencyWithinSummary', { predecessor, task: successor });
      continue;
    }
    const pair = [link.predecessorKey, link.successorKey].sort().join('\u0000');
    if (seenPairs.has(pair)) {
      notes.dropped('duplicateDependency', { predecessor, task: successor, type: link.type });
      continue;
    }
    seenPairs.add(pair);
    const lag = Math.round(link.lag);
    if (lag !== link.lag) {
      notes.changed('lagRounded', { predecessor, task: successor, value: roundForReport(link.lag), rounded: lag, unit: link.lagUnit });
    }
    if (Math.abs(lag) > maxLag) {
      notes.dropped('lagOutOfRange', { predecessor, task: successor, value: lag, max: maxLag });
      continue;
    }
    dependencies.push({
      id: context.newId(),
      predecessorId: idByKey.get(link.predecessorKey) ?? '',
      successorId: idByKey.get(link.successorKey) ?? '',
      type: link.type,
      lag,
      lagUnit: link.lagUnit,
    });
  }
  return dependencies;
}

function isAncestor(ancestorKey: string, key: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  let current = parentOf.get(key) ?? null;
  let steps = 0;
  while (current !== null && steps <= parentOf.size) {
    if (current === ancestorKey) {
      return true;
    }
    current = parentOf.get(current) ?? null;
    steps += 1;
  }
  return false;
}

function roundForReport(value: number): number {
  return Math.round(value * 1000) / 1000;
}
