import { useTranslation } from 'react-i18next';
import { csvDelimiters } from '@shared/import/csv';
import { numberLocales } from '@shared/import/numberLocale';
import type { NumberLocale } from '@shared/import/numberLocale';
import type { ImportTable } from '@shared/import/types';
import type { SourceOptions } from './importSource';

interface ReadingOptionsProps {
  readonly table: ImportTable;
  readonly options: SourceOptions;
  readonly onChange: (options: SourceOptions) => void;
}

/**
 * Shows how the file is read (delimiter, number format, sheet) and whether each was detected or
 * chosen. The user can override each one, and a change reads the file again.
 */
export function ReadingOptions({ table, options, onChange }: ReadingOptionsProps) {
  const { t } = useTranslation();
  const delimiterName = (delimiter: string): string => {
    const names: Record<string, string> = {
      ',': t('import.delimiterComma'),
      ';': t('import.delimiterSemicolon'),
      '\t': t('import.delimiterTab'),
      '|': t('import.delimiterPipe'),
    };
    return names[delimiter] ?? delimiter;
  };
  const localeSample = (locale: NumberLocale): string => t(`import.numberLocale.${locale}`);

  const detectedLocale = table.detectedNumberLocale;
  const localeHow =
    options.numberLocale === undefined
      ? t(`import.localeBasis.${detectedLocale.basis}`)
      : t('import.chosen', { detected: localeSample(detectedLocale.locale) });
  const chosenLocale = options.numberLocale ?? 'detected';

  return (
    <div data-testid="import-reading">
      {table.format === 'csv' ? (
        <p data-testid="import-delimiter">
          {t('import.delimiterStatus', {
            delimiter: delimiterName(table.delimiter),
            how:
              options.delimiter === undefined
                ? t('import.detectedMark')
                : t('import.chosen', { detected: delimiterName(table.detectedDelimiter) }),
          })}
        </p>
      ) : (
        <p data-testid="import-sheet">{t('import.sheetStatus', { sheet: table.sheet, count: table.sheetNames.length })}</p>
      )}
      <p data-testid="import-numbers">{t('import.numbersStatus', { sample: localeSample(table.numberReading.locale), how: localeHow })}</p>
      {table.numberReading.rejectAmbiguous ? <p className="muted">{t('import.ambiguousHint')}</p> : null}

      <div className="toolbar">
        {table.format === 'csv' ? (
          <label>
            {t('import.delimiter')}
            <select
              data-testid="delimiter-select"
              value={options.delimiter ?? 'detected'}
              onChange={(event) => {
                onChange({ ...options, delimiter: event.target.value === 'detected' ? undefined : event.target.value });
              }}
            >
              <option value="detected">{t('import.asDetected', { value: delimiterName(table.detectedDelimiter) })}</option>
              {csvDelimiters.map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {delimiterName(delimiter)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {table.format === 'xlsx' && table.sheetNames.length > 1 ? (
          <label>
            {t('import.sheet')}
            <select
              data-testid="sheet-select"
              value={table.sheet}
              onChange={(event) => {
                onChange({ ...options, sheet: event.target.value });
              }}
            >
              {table.sheetNames.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('import.numberFormat')}
          <select
            data-testid="number-locale-select"
            value={chosenLocale}
            onChange={(event) => {
              onChange({ ...options, numberLocale: numberLocales.find((locale) => locale === event.target.value) });
            }}
          >
            <option value="detected">{t('import.asDetected', { value: localeSample(detectedLocale.locale) })}</option>
            {numberLocales.map((locale) => (
              <option key={locale} value={locale}>
                {localeSample(locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
