/**
 * The words a diagnostics problem message may keep. A log message can quote text that no
 * portfolio stores any more (its portfolio was deleted) or never stored (a save that failed), so
 * redacting the stored texts is not enough. Every word outside this list is masked as well.
 *
 * The list is the words of the app's English texts, its error codes, and the words of the
 * JavaScript, DOM and IndexedDB error messages and of the app's own log messages that those
 * texts lack. NOTE: a portfolio text made only of such common words, such as a meeting titled
 * "Quarterly review", passes unless a portfolio still stores it.
 */
import { errorCodes } from '@shared/errors';
import { en } from '../../i18n/en';
import { reportsEn } from '../../i18n/enReports';

/** Words of error and log messages that the English texts lack, in lower case. */
const technicalWords = `
  abort aborted aborterror aggregateerror app args arguments array assignment async attachment
  bulkerror cached callback cannot cleanup clone closed closing connection constant constrainterror
  created dataclonerror dataerror databaseclosederror defined denied dexie domexception dynamically
  eval evalerror execute exceeded fetch fetched function handler iterable idb ipc indexeddb
  internalerror invalidaccesserror invalidstateerror json listener load loading main maximum
  missingapierror module networkerror notallowederror notfounderror notreadableerror null object
  openfailederror operation parse position prematurecommiterror process properties property
  quotaexceedederror rangeerror readonlyerror reading referenceerror rejection renderer rendering
  request schemaerror script securityerror sender serialization setting stack subtransactionerror
  summary syntaxerror task thread timeouterror token tower transaction transactioninactiveerror
  typeerror uncaught undefined unexpected unhandled unknownerror unresponsive upgradeerror urierror
  variable versionchangeerror versionerror webview worker
  blocked bytes crashed creation electron gone host info listing milliseconds navigation
  permission printed quit quitting reloading removing responsive sending timed warn writing
`;

/** Words of the markers that replace names, quoted text, files and paths before the masking. */
const markerWords = 'redacted text file path';

const wordPattern = /\p{L}+/gu;

let vocabulary: ReadonlySet<string> | undefined;

/** Returns the words a problem message may keep, in lower case, built on first use. */
export function diagnosticsVocabulary(): ReadonlySet<string> {
  if (vocabulary !== undefined) return vocabulary;
  const words = new Set<string>();
  const addWords = (text: string) => {
    for (const word of text.match(wordPattern) ?? []) words.add(word.toLowerCase());
  };
  const addStrings = (value: unknown) => {
    if (typeof value === 'string') {
      addWords(value);
    } else if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) addStrings(child);
    }
  };

  addStrings(en);
  addStrings(reportsEn);
  addWords(technicalWords);
  addWords(markerWords);
  for (const code of errorCodes) words.add(code.toLowerCase());
  vocabulary = words;
  return words;
}
