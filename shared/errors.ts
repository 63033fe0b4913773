import { rfpIssueCodes } from './rfp/issues';
import { scheduleIssueCodes } from './schedule/issues';
import { projectImportErrorCodes } from './schedule/io/types';

/**
 * Error codes a user can meet. Each code has exactly one sentence in the renderer's
 * translation files (`errors.<code>`), filled from the error's `detail`.
 */
export const errorCodes = [
  // Files read or written by the platform API.
  'file.tooLarge',
  'file.empty',
  'file.readFailed',
  'file.writeFailed',
  'file.notFound',
  'file.invalidPath',
  // Logs and diagnostics.
  'logs.openFailed',
  'clipboard.writeFailed',
  // CSV measurement import.
  'csv.notText',
  'csv.noHeader',
  'csv.noRows',
  'csv.malformedRow',
  'csv.missingColumn',
  'csv.unmappedColumn',
  'csv.emptyValue',
  'csv.invalidNumber',
  'csv.invalidPeriod',
  'csv.invalidDuration',
  'csv.invalidRatio',
  'csv.duplicateRow',
  'csv.zeroDenominator',
  // Providers-and-contracts import. Every sentence names the file and the line (or, in a
  // workbook, the sheet and cell), so its rows use these codes and not the `csv.*` ones above.
  'import.unmappedColumn',
  'import.emptyValue',
  'import.missingTitle',
  'import.missingNoticeUnit',
  'import.missingCurrency',
  'import.unknownProviderCode',
  'import.invalidChoice',
  'import.invalidCurrency',
  'import.invalidDate',
  'import.invalidNumber',
  'import.invalidWholeNumber',
  'import.invalidPercent',
  'import.invalidAmount',
  'import.duplicateRow',
  'import.duplicateProvider',
  'import.conflictingProvider',
  'import.outOfRange',
  'import.titleTooLong',
  'import.endBeforeStart',
  'import.endBeforeStoredStart',
  'import.renewalLengthMissing',
  'import.renewalLengthUnexpected',
  'import.renewalWithoutAutoRenewal',
  // XLSX measurement import: the workbook and its sheet. The rows use the `csv.*` codes above,
  // with `sheet` and `columnLetter` added to the detail.
  'xlsx.notWorkbook',
  'xlsx.tooLarge',
  'xlsx.emptySheet',
  'xlsx.noHeader',
  'xlsx.noRows',
  // Local storage.
  'storage.quotaExceeded',
  'storage.versionTooNew',
  'storage.writeFailed',
  'storage.notFound',
  'storage.invalidName',
  'storage.naturalKeyEdit',
  // Portfolio files (.steerwise): container, limits, manifest, entries, records, encryption.
  // The detail keys of each code are listed in docs/file-format.md.
  'portfolioFile.tooLarge',
  'portfolioFile.notZip',
  'portfolioFile.corrupt',
  'portfolioFile.tooManyEntries',
  'portfolioFile.entryTooLarge',
  'portfolioFile.entryRatioTooHigh',
  'portfolioFile.totalTooLarge',
  'portfolioFile.totalRatioTooHigh',
  'portfolioFile.notSteerwise',
  'portfolioFile.invalidManifest',
  'portfolioFile.versionTooNew',
  'portfolioFile.versionTooOld',
  'portfolioFile.migrationFailed',
  'portfolioFile.unknownEntry',
  'portfolioFile.missingEntry',
  'portfolioFile.unknownTable',
  'portfolioFile.checksumMismatch',
  'portfolioFile.invalidJson',
  'portfolioFile.forbiddenKey',
  'portfolioFile.invalidRecord',
  'portfolioFile.duplicateId',
  'portfolioFile.duplicateNaturalKey',
  'portfolioFile.countMismatch',
  'portfolioFile.passphraseRequired',
  'portfolioFile.passphraseEmpty',
  'portfolioFile.wrongPassphrase',
  'portfolioFile.encryptionUnsupported',
  'portfolioFile.encryptionDamaged',
  // Merge of portfolio snapshots.
  'merge.invalidClock',
  'merge.portfolioMismatch',
  'merge.staleClock',
  // RFP records: the checks of `shared/rfp` and the writes of `renderer/src/db/rfp.ts`.
  ...rfpIssueCodes,
  'rfp.phaseLocked',
  'rfp.unknownTemplate',
  'rfp.textMissing',
  'rfp.wrongRfp',
  'rfp.duplicateBidder',
  'rfp.invalidDate',
  'rfp.datesOutOfOrder',
  // Transition plans: the scheduling engine's checks, project file imports and the writes of
  // `renderer/src/db/plans.ts`.
  ...scheduleIssueCodes,
  ...projectImportErrorCodes,
  'plan.textMissing',
  'plan.unknownTemplate',
  'plan.wrongPlan',
  'plan.editOutdated',
  'plan.taskInUse',
  'plan.calendarInUse',
  'plan.contractOfOtherProvider',
  // XLSX scoring sheets of one evaluator. The detail names `file`, and for a cell `sheet`, `row` and `column` (letters).
  'scoringSheet.notWorkbook',
  'scoringSheet.missingSheet',
  'scoringSheet.notScoringSheet',
  'scoringSheet.versionTooNew',
  'scoringSheet.invalidAbout',
  'scoringSheet.wrongRfp',
  'scoringSheet.wrongEvaluator',
  'scoringSheet.unknownEvaluator',
  'scoringSheet.scoringClosed',
  'scoringSheet.conflictNotDeclared',
  'scoringSheet.unknownBidder',
  'scoringSheet.conflictOfInterest',
  'scoringSheet.headerChanged',
  'scoringSheet.missingCriterionId',
  'scoringSheet.unknownCriterion',
  'scoringSheet.duplicateCriterion',
  'scoringSheet.missingCriterion',
  'scoringSheet.criterionNotScorable',
  'scoringSheet.scoreNotAllowed',
  'scoringSheet.commentRequired',
  'scoringSheet.commentWithoutScore',
  // Cross-process calls.
  'ipc.forbiddenSender',
  'ipc.invalidArgument',
  'unexpected',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Values that fill the placeholders of an error's sentence: file, row, column, value, limits. */
export type ErrorDetail = Readonly<Record<string, string | number>>;

/** An error as data: crosses IPC and reaches the screen, where its code becomes a sentence. */
export interface AppError {
  readonly code: ErrorCode;
  readonly detail?: ErrorDetail;
  /** Technical cause for the log; never shown as the user-facing sentence. */
  readonly cause?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, detail?: ErrorDetail, cause?: string): Result<T> {
  const error: AppError = { code, ...(detail ? { detail } : {}), ...(cause === undefined ? {} : { cause }) };
  return { ok: false, error };
}

/** Error thrown inside one process and turned into a Result at its boundary. */
export class AppFailure extends Error {
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(`${appError.code}${appError.cause === undefined ? '' : `: ${appError.cause}`}`);
    this.name = 'AppFailure';
    this.appError = appError;
  }
}
