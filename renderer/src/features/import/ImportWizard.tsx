/**
 * The measurement import: choose or drop a CSV or XLSX file, check how it is read (delimiter,
 * number format, sheet), map its columns (or take a matching preset), review
 * the validation report, then write everything in one transaction. Nothing is written before the
 * last step, and not at all while the report has errors.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import { buildImportPlan, matchPreset, nearestPreset } from '@shared/import/mapping';
import type { NearMatch } from '@shared/import/mapping';
import { builtInPresets } from '@shared/import/presets';
import type { ImportPlan, ImportTable, MappingPreset } from '@shared/import/types';
import type { OpenedFile } from '@shared/ipc/contract';
import type { ImportSummary } from '@shared/domain/types';
import { getDeviceContext, listPresets } from '../../db/catalogue';
import { applyImportPlan } from '../../db/importMeasurements';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { platform } from '../../platform';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import type { ImportKind } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { ImportTarget } from './ImportTarget';
import { loadSource, openDroppedFile, tableOf } from './importSource';
import type { ImportSource, SourceOptions } from './importSource';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';
import { FileDropZone } from './FileDropZone';
import { ProviderContractImport } from './ProviderContractImport';
import { WizardSteps } from './WizardSteps';

type Step =
  | { readonly name: 'file' }
  | {
      readonly name: 'mapping';
      readonly source: ImportSource;
      readonly options: SourceOptions;
      readonly table: ImportTable;
      readonly presets: readonly MappingPreset[];
      readonly matched: MappingPreset | null;
      readonly near: NearMatch | null;
    }
  | {
      readonly name: 'review';
      /**
       * The file's bytes (or a workbook's cells), not its parsed table: a large CSV parses into
       * about three times its size, and the table is not needed while the plan is written. Back
       * parses it again with the same options.
       */
      readonly source: ImportSource;
      readonly options: SourceOptions;
      readonly presets: readonly MappingPreset[];
      readonly preset: MappingPreset;
      readonly plan: ImportPlan;
    }
  | { readonly name: 'done'; readonly summary: ImportSummary };

interface ImportWizardProps {
  /** Kind of data chosen when the wizard opens. The first step lets the user change it. */
  readonly initialKind: ImportKind;
}

export function ImportWizard({ initialKind }: ImportWizardProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const [step, setStep] = useState<Step>({ name: 'file' });
  /** Kind of data in the file. Only the first step offers the choice. */
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseFile = async () => {
    setError(null);
    const opened = await platform.openFile({
      title: t('import.chooseFile'),
      filters: [{ name: t('import.fileFilter'), extensions: ['csv', 'txt', 'xlsx'] }],
      maxBytes: maxOpenFileBytes,
    });
    if (!opened.ok) {
      setError(opened.error);
      return;
    }
    if (opened.value === null) return;
    await openSource(opened.value);
  };

  const dropFile = async (dropped: File) => {
    setError(null);
    const opened = await openDroppedFile(dropped);
    if (!opened.ok) {
      setError(opened.error);
      return;
    }
    await openSource(opened.value);
  };

  const openSource = async (file: OpenedFile) => {
    setBusy(true);
    try {
      const source = await loadSource(file);
      if (!source.ok) {
        setError(source.error);
        return;
      }
      showMapping(source.value, {}, [...builtInPresets, ...(await listPresets())], null);
    } finally {
      setBusy(false);
    }
  };

  /** Builds the table with `options` and shows the mapping step, with `chosen` preselected when given. */
  const showMapping = (source: ImportSource, options: SourceOptions, presets: readonly MappingPreset[], chosen: MappingPreset | null) => {
    const parsed = tableOf(source, options);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    const matched = chosen ?? matchPreset(parsed.value.header, presets);
    const near = matched ? null : nearestPreset(parsed.value.header, presets);
    setStep({ name: 'mapping', source, options, table: parsed.value, presets, matched, near });
  };

  const review = (
    source: ImportSource,
    options: SourceOptions,
    table: ImportTable,
    presets: readonly MappingPreset[],
    preset: MappingPreset,
  ) => {
    setError(null);
    setStep({ name: 'review', source, options, presets, preset, plan: buildImportPlan(table, preset) });
  };

  const apply = async (plan: ImportPlan) => {
    setBusy(true);
    setError(null);
    try {
      const summary = await applyImportPlan(db, plan, await getDeviceContext());
      setStep({ name: 'done', summary });
    } catch (thrown) {
      setError(toAppError(thrown, `Import of ${plan.fileName} failed`));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    navigate({ name: 'providers' });
  };

  return (
    <section aria-labelledby="import-title" className="panel">
      <h1 id="import-title">{kind === 'providersContracts' ? t('import.titleProvidersContracts') : t('import.title')}</h1>
      <ImportTarget />
      {step.name === 'file' ? (
        <fieldset className="toolbar" data-testid="import-kind">
          <legend>{t('import.kind')}</legend>
          {(['measurements', 'providersContracts'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="import-kind"
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                }}
              />
              {t(`import.kinds.${option}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {kind === 'providersContracts' ? <ProviderContractImport onClose={close} /> : <WizardSteps current={step.name} />}
      {error ? (
        <p className="alert error" role="alert" data-testid="import-error">
          {describeAppError(t, error)}
        </p>
      ) : null}

      {step.name === 'file' && kind === 'measurements' ? (
        <FileDropZone busy={busy} onDrop={(file) => void dropFile(file)}>
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={() => void chooseFile()}>
              {t('import.chooseFile')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('import.cancel')}
            </button>
          </div>
        </FileDropZone>
      ) : null}

      {step.name === 'mapping' ? (
        <MappingStep
          // A new table (another delimiter, locale or sheet) may have other columns, so the hand mapping starts again.
          key={step.table.header.join('\u0000')}
          table={step.table}
          options={step.options}
          presets={step.presets}
          matched={step.matched}
          near={step.near}
          onOptionsChange={(options) => {
            showMapping(step.source, options, step.presets, null);
          }}
          onBack={() => {
            setStep({ name: 'file' });
          }}
          onNext={(preset) => {
            review(step.source, step.options, step.table, step.presets, preset);
          }}
        />
      ) : null}

      {step.name === 'review' ? (
        <ReviewStep
          plan={step.plan}
          busy={busy}
          onBack={() => {
            showMapping(step.source, step.options, step.presets, step.preset);
          }}
          onApply={() => void apply(step.plan)}
        />
      ) : null}

      {step.name === 'done' ? (
        <div>
          <p className="alert success" role="status" data-testid="import-done">
            {countChanges(step.summary) === 0
              ? t('import.nothingChanged', { file: step.summary.fileName })
              : t('import.done', {
                  file: step.summary.fileName,
                  added: step.summary.added.measurements ?? 0,
                  changed: step.summary.changed.measurements ?? 0,
                  unchanged: step.summary.unchanged.measurements ?? 0,
                })}
          </p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={close}>
              {t('import.close')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function countChanges(summary: ImportSummary): number {
  const sum = (counts: ImportSummary['added']) => Object.values(counts).reduce((total, count) => total + count, 0);
  return sum(summary.added) + sum(summary.changed);
}
