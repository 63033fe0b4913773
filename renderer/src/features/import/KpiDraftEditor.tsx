import { useTranslation } from 'react-i18next';
import type { KpiDirection, KpiKind } from '@shared/domain/types';
import type { KpiDraft } from './manualMapping';

interface KpiDraftEditorProps {
  readonly index: number;
  readonly draft: KpiDraft;
  readonly columns: readonly string[];
  readonly onChange: (draft: KpiDraft) => void;
  readonly onRemove: () => void;
}

const kinds: readonly KpiKind[] = ['ratio', 'value', 'duration', 'count'];

export function KpiDraftEditor({ index, draft, columns, onChange, onRemove }: KpiDraftEditorProps) {
  const { t } = useTranslation();
  const kindLabels: Record<KpiKind, string> = {
    ratio: t('import.kindRatio'),
    value: t('import.kindValue'),
    duration: t('import.kindDuration'),
    count: t('import.kindCount'),
  };

  const columnSelect = (label: string, value: string, field: 'valueColumn' | 'numeratorColumn' | 'denominatorColumn') => (
    <label>
      {label}
      <select
        value={value}
        onChange={(event) => {
          onChange({ ...draft, [field]: event.target.value });
        }}
      >
        <option value="">—</option>
        {columns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="kpi-mapping" data-testid={`kpi-draft-${index}`}>
      <label>
        {t('import.kpiName')}
        <input
          value={draft.name}
          onChange={(event) => {
            onChange({ ...draft, name: event.target.value });
          }}
        />
      </label>
      <label>
        {t('import.kpiKind')}
        <select
          value={draft.kind}
          onChange={(event) => {
            onChange({ ...draft, kind: event.target.value as KpiKind });
          }}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'ratio' ? (
        <>
          {columnSelect(t('import.kpiNumerator'), draft.numeratorColumn, 'numeratorColumn')}
          {columnSelect(t('import.kpiDenominator'), draft.denominatorColumn, 'denominatorColumn')}
        </>
      ) : (
        columnSelect(t('import.kpiValueColumn'), draft.valueColumn, 'valueColumn')
      )}
      {draft.kind === 'value' ? (
        <label>
          {t('import.kpiUnit')}
          <select
            value={draft.valueUnit}
            onChange={(event) => {
              onChange({ ...draft, valueUnit: event.target.value === 'percent' ? 'percent' : 'number' });
            }}
          >
            <option value="number">{t('import.unitNumber')}</option>
            <option value="percent">{t('import.unitPercent')}</option>
          </select>
        </label>
      ) : null}
      <label>
        {t('import.kpiDirection')}
        <select
          value={draft.direction}
          onChange={(event) => {
            onChange({ ...draft, direction: event.target.value as KpiDirection });
          }}
        >
          <option value="higherIsBetter">{t('import.kpiHigher')}</option>
          <option value="lowerIsBetter">{t('import.kpiLower')}</option>
        </select>
      </label>
      <label>
        {t('import.levelExpected')}
        <input
          inputMode="decimal"
          value={draft.expected}
          onChange={(event) => {
            onChange({ ...draft, expected: event.target.value });
          }}
        />
      </label>
      <label>
        {t('import.levelMinimum')}
        <input
          inputMode="decimal"
          value={draft.minimum}
          onChange={(event) => {
            onChange({ ...draft, minimum: event.target.value });
          }}
        />
      </label>
      <div>
        <button type="button" className="link-button" onClick={onRemove}>
          {t('import.removeKpi')}
        </button>
      </div>
    </fieldset>
  );
}
