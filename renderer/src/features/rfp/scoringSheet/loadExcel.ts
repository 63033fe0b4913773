/**
 * Loads exceljs on first use. It is about 1 MB minified, so a dynamic import keeps it in its
 * own chunk, out of the main bundle, until someone downloads or imports a scoring sheet.
 */
import type * as ExcelJS from 'exceljs';

export type ExcelModule = typeof ExcelJS;

export async function loadExcel(): Promise<ExcelModule> {
  const loaded = await import('exceljs');
  // exceljs is CommonJS, so Vite and Node hand it over as the module's `default` export.
  const interop = loaded as ExcelModule & { readonly default?: ExcelModule };
  return interop.default ?? loaded;
}
