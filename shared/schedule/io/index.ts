/**
 * Entry point of project file import: detects the format from the bytes, reads the file and
 * builds the plan records and the import report.
 */
import type { SourcePlan } from './planBuilder';
import { ImportNotes, buildImportedPlan } from './planBuilder';
import type { ProjectFileFormat, ProjectImportOptions, ProjectImportOutcome } from './types';
import { ProjectImportFailure } from './types';
import { readCsvPlan } from './csvImport';
import { readGan } from './gan';
import { readMpx, sniffMpx } from './mpx';
import { readMspdi } from './mspdi';
import { parseXml, XmlSyntaxError } from './xml';
import { decodeXmlBytes } from './xmlText';

/**
 * Imports an MSPDI XML, MPX, GanttProject `.gan` or Steerwise plan CSV file. The format is
 * taken from the content, not the file name: `MPX` at the start, a `Project` or `project` XML
 * root, or a CSV header that `exportPlanCsv` writes or wrote. A file that cannot be imported gives
 * `ok: false` with an error that names the file and, where known, the line and field.
 */
export function importProjectFile(bytes: Uint8Array, fileName: string, options: ProjectImportOptions): ProjectImportOutcome {
  try {
    if (bytes.length === 0) {
      throw new ProjectImportFailure({ code: 'projectFile.empty', detail: { file: fileName } });
    }
    const notes = new ImportNotes();
    const { source, format, encoding } = readSource(bytes, fileName, options, notes);
    const { plan, report } = buildImportedPlan(source, { fileName, format, encoding, notes, options });
    return { ok: true, plan, report };
  } catch (error) {
    if (error instanceof ProjectImportFailure) {
      return { ok: false, error: error.error };
    }
    throw error;
  }
}

function readSource(
  bytes: Uint8Array,
  fileName: string,
  options: ProjectImportOptions,
  notes: ImportNotes,
): { source: SourcePlan; format: ProjectFileFormat; encoding: string } {
  if (sniffMpx(bytes) !== null) {
    const { source, encoding } = readMpx(bytes, { fileName, options }, notes);
    return { source, format: 'mpx', encoding };
  }
  const { text, encoding } = decodeXmlBytes(bytes, fileName);
  if (!text.trimStart().startsWith('<')) {
    const source = readCsvPlan(text, fileName, notes);
    return { source, format: 'csv', encoding };
  }
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      const code = error.doctype ? 'projectFile.doctypeRejected' : 'projectFile.invalidXml';
      throw new ProjectImportFailure({ code, detail: { file: fileName, line: error.line, reason: error.message } });
    }
    throw error;
  }
  if (root.name === 'Project') {
    return { source: readMspdi(root, fileName, notes), format: 'mspdi', encoding };
  }
  if (root.name === 'project') {
    return { source: readGan(root, fileName, notes), format: 'gan', encoding };
  }
  throw new ProjectImportFailure({ code: 'projectFile.unknownFormat', detail: { file: fileName, value: root.name } });
}
