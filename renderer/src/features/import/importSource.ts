/**
 * The file behind an import, CSV or XLSX, and its conversion into the table the mapping reads
 * with the delimiter, number locale and sheet the user chose in the preview.
 */
import { fail, ok, type Result } from '@shared/errors';
import { parseCsv } from '@shared/import/csv';
import type { NumberLocale } from '@shared/import/numberLocale';
import { buildSheetTable, type WorkbookGrid } from '@shared/import/sheetTable';
import type { ImportTable } from '@shared/import/types';
import type { OpenedFile } from '@shared/ipc/contract';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import { isZipContainer, readWorkbook } from './readWorkbook';

/** Choices made in the preview; an absent or undefined one means "as detected". */
export interface SourceOptions {
  /** CSV only. */
  readonly delimiter?: string | undefined;
  readonly numberLocale?: NumberLocale | undefined;
  /** XLSX only. */
  readonly sheet?: string | undefined;
}

/** A file ready to be turned into a table: CSV bytes, or a workbook already read into cells. */
export type ImportSource =
  | { readonly kind: 'csv'; readonly file: OpenedFile }
  | { readonly kind: 'xlsx'; readonly file: OpenedFile; readonly workbook: WorkbookGrid };

/**
 * Recognises an .xlsx file by its content (a ZIP container, or the OLE container of an .xls,
 * which `readWorkbook` rejects with a clear message) whatever its name, and anything else as CSV.
 */
export async function loadSource(file: OpenedFile): Promise<Result<ImportSource>> {
  const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];
  const isOle = oleSignature.every((byte, index) => file.bytes[index] === byte);
  if (!isZipContainer(file.bytes) && !isOle) {
    return ok({ kind: 'csv', file });
  }
  const workbook = await readWorkbook(file.bytes, file.name);
  return workbook.ok ? ok({ kind: 'xlsx', file, workbook: workbook.value }) : workbook;
}

/** Builds the table of `source` with the preview's choices. */
export function tableOf(source: ImportSource, options: SourceOptions): Result<ImportTable> {
  const numberLocale = options.numberLocale === undefined ? {} : { numberLocale: options.numberLocale };
  if (source.kind === 'csv') {
    return parseCsv(source.file.bytes, source.file.name, {
      ...numberLocale,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    });
  }
  return buildSheetTable(source.workbook, { ...numberLocale, ...(options.sheet === undefined ? {} : { sheet: options.sheet }) });
}

/** Reads a file dropped on the wizard, refusing one over the size limit of the file dialog. */
export async function openDroppedFile(file: File): Promise<Result<OpenedFile>> {
  if (file.size > maxOpenFileBytes) {
    return fail('file.tooLarge', { file: file.name, sizeBytes: file.size, maxBytes: maxOpenFileBytes });
  }
  try {
    return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    return fail('file.readFailed', { file: file.name }, error instanceof Error ? error.message : String(error));
  }
}
