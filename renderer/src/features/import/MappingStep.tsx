import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { NearMatch } from '@shared/import/mapping';
import type { ImportTable, MappingPreset } from '@shared/import/types';
import { savePreset } from '../../db/catalogue';
import type { SourceOptions } from './importSource';
import { ReadingOptions } from './ReadingOptions';
import { KpiDraftEditor } from './KpiDraftEditor';
import { draftProblems, emptyKpiDraft, initialDraft, presetFromDraft } from './manualMapping';
import type { DraftProblem, MappingDraft } from './manualMapping';

const manualChoice = '';
const previewRowCount = 5;

interface MappingStepProps {
  readonly table: ImportTable;
  /** The preview's choices of delimiter, number locale and sheet. */
  readonly options: SourceOptions;
  readonly presets: readonly MappingPreset[];
  readonly matched: MappingPreset | null;
  /** A preset that fits all but a few columns, preselected so that the missing ones get named. */
  readonly near: NearMatch | null;
  /** Reads the file again with other choices. */
  readonly onOptionsChange: (options: SourceOptions) => void;
  readonly onBack: () => void;
  readonly onNext: (preset: MappingPreset) => void;
}

export function MappingStep({ table, options, presets, matched, near, onOptionsChange, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation();
  const [presetId, setPresetId] = useState(matched?.id ?? near?.preset.id ?? manualChoice);
  const [draft, setDraft] = useState<MappingDraft>(() => initialDraft(table));
  const [presetName, setPresetName] = useState('');
  const [savedName, setSavedName] = useState<string | null>(null);

  const chosenPreset = presets.find((preset) => preset.id === presetId) ?? null;
  const problems = chosenPreset ? [] : draftProblems(draft);
  const problemText = (problem: DraftProblem): string => {
    switch (problem.field) {
      case 'providerName':
        return t('import.needProviderName');
      case 'period':
        return t('import.needPeriod');
      case 'kpis':
        return t('import.needKpi');
      case 'kpiName':
        return t('import.needKpiName', { number: problem.kpi + 1 });
      case 'kpiColumns':
        return t('import.needKpiColumns', { number: problem.kpi + 1 });
    }
  };

  const next = () => {
    onNext(chosenPreset ?? presetFromDraft(draft, uuidv7(), presetName.trim() || table.fileName));
  };

  const save = async () => {
    const name = presetName.trim();
    if (name === '') return;
    await savePreset(presetFromDraft(draft, uuidv7(), name));
    setSavedName(name);
  };

  const columnSelect = (label: string, value: string, onChange: (value: string) => void, optional: boolean) => (
    <label>
      {label}
      <select
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{optional ? t('import.noColumn') : '—'}</option>
        {table.header.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div>
      <p data-testid="import-detected">
        {table.format === 'csv'
          ? t('import.detected', {
              file: table.fileName,
              rows: table.rows.length,
              encoding: table.encoding.toUpperCase(),
              bom: table.hadBom ? t('import.withBom') : '',
            })
          : t('import.detectedSheet', { file: table.fileName, rows: table.rows.length, sheet: table.sheet })}
      </p>
      <ReadingOptions table={table} options={options} onChange={onOptionsChange} />

      <h2>{t('import.preview')}</h2>
      <div className="preview-table">
        <table>
          <thead>
            <tr>
              {table.header.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, previewRowCount).map((row, index) => (
              <tr key={table.rowNumbers[index] ?? index}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="toolbar" style={{ marginTop: '1rem' }}>
        <label>
          {t('import.preset')}
          <select
            data-testid="preset-select"
            value={presetId}
            onChange={(event) => {
              setPresetId(event.target.value);
            }}
          >
            <option value={manualChoice}>{t('import.presetNone')}</option>
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {matched && presetId === matched.id ? <p className="muted">{t('import.presetMatched', { name: matched.name })}</p> : null}
      {near && presetId === near.preset.id ? (
        <p className="alert warning" data-testid="preset-near">
          {t('import.presetNear', { name: near.preset.name, columns: near.missing.map((column) => `“${column}”`).join(', ') })}
        </p>
      ) : null}
      {chosenPreset?.sourceNote ? <p className="muted">{chosenPreset.sourceNote}</p> : null}

      {chosenPreset ? null : (
        <div>
          <div className="mapping-grid">
            {columnSelect(
              t('import.columnProviderCode'),
              draft.providerCode,
              (providerCode) => {
                setDraft({ ...draft, providerCode });
              },
              true,
            )}
            {columnSelect(
              t('import.columnProviderName'),
              draft.providerName,
              (providerName) => {
                setDraft({ ...draft, providerName });
              },
              false,
            )}
            {columnSelect(
              t('import.columnPeriod'),
              draft.period,
              (period) => {
                setDraft({ ...draft, period });
              },
              false,
            )}
          </div>
          <h2 style={{ marginTop: '1rem' }}>{t('import.kpis')}</h2>
          {draft.kpis.map((kpi, index) => (
            <KpiDraftEditor
              key={index}
              index={index}
              draft={kpi}
              columns={table.header}
              onChange={(changed) => {
                setDraft({
                  ...draft,
                  kpis: draft.kpis.map((candidate, candidateIndex) => (candidateIndex === index ? changed : candidate)),
                });
              }}
              onRemove={() => {
                setDraft({ ...draft, kpis: draft.kpis.filter((_, candidateIndex) => candidateIndex !== index) });
              }}
            />
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft({ ...draft, kpis: [...draft.kpis, emptyKpiDraft()] });
              }}
            >
              {t('import.addKpi')}
            </button>
          </div>
          <div className="toolbar" style={{ marginTop: '1rem' }}>
            <label>
              {t('import.presetName')}
              <input
                value={presetName}
                onChange={(event) => {
                  setPresetName(event.target.value);
                }}
              />
            </label>
            <button type="button" className="button" disabled={presetName.trim() === '' || problems.length > 0} onClick={() => void save()}>
              {t('import.savePreset')}
            </button>
          </div>
          {savedName ? <p className="alert success">{t('import.presetSaved', { name: savedName })}</p> : null}
        </div>
      )}

      {problems.length > 0 ? (
        <ul className="muted" data-testid="mapping-problems">
          {problems.map((problem) => (
            <li key={`${problem.field}${'kpi' in problem ? String(problem.kpi) : ''}`}>{problemText(problem)}</li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onBack}>
          {t('import.back')}
        </button>
        <button type="button" className="button primary" disabled={problems.length > 0} onClick={next}>
          {t('import.validate')}
        </button>
      </div>
    </div>
  );
}
