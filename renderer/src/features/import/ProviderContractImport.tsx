/**
 * The "Providers and contracts" import. The user chooses or drops a CSV or XLSX file, checks how
 * it is read and maps its columns to provider and contract fields. The review lists the issues,
 * counts the records to add, change and leave unchanged, and lists each provider and contract
 * added or updated with the fields it sets. Import writes them in one transaction.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import type { ImportSummary, NoticePeriod } from '@shared/domain/types';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import type { OpenedFile } from '@shared/ipc/contract';
import {
  buildProviderContractPlan,
  contractFields,
  guessProviderContractMapping,
  providerContractMappingProblems,
  providerFields,
} from '@shared/import/providerContracts';
import type { ProviderContractField, ProviderContractMapping, ProviderContractPlan } from '@shared/import/providerContracts';
import type { ImportTable } from '@shared/import/types';
import { getDeviceContext } from '../../db/catalogue';
import { applyProviderContractPlan, previewProviderContractPlan } from '../../db/importProviderContracts';
import type { ProviderContractPreview } from '../../db/importProviderContracts';
import { describeAppError } from '../../errorMessage';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { FileDropZone } from './FileDropZone';
import { ImportRecordChanges } from './ImportRecordChanges';
import { loadSource, openDroppedFile, tableOf } from './importSource';
import type { ImportSource, SourceOptions } from './importSource';
import { ReadingOptions } from './ReadingOptions';
import { ReviewIssues } from './ReviewStep';
import { WizardSteps } from './WizardSteps';

type Step =
  | { readonly name: 'file' }
  | { readonly name: 'mapping'; readonly source: ImportSource; readonly options: SourceOptions; readonly table: ImportTable }
  | {
      readonly name: 'review';
      readonly plan: ProviderContractPlan;
      readonly preview: ProviderContractPreview | null;
      readonly back: () => void;
    }
  | { readonly name: 'done'; readonly summary: ImportSummary };

export function ProviderContractImport({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [step, setStep] = useState<Step>({ name: 'file' });
  const [mapping, setMapping] = useState<ProviderContractMapping | null>(null);
  /** Unit of a notice period on a line without one, offered while no column is mapped to the unit. */
  const [noticeUnit, setNoticeUnit] = useState<NoticePeriod['unit'] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const showMapping = (source: ImportSource, options: SourceOptions) => {
    const parsed = tableOf(source, options);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setMapping(guessProviderContractMapping(parsed.value.header));
    setStep({ name: 'mapping', source, options, table: parsed.value });
  };

  const openSource = async (file: OpenedFile) => {
    setBusy(true);
    try {
      const source = await loadSource(file);
      if (source.ok) showMapping(source.value, {});
      else setError(source.error);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async () => {
    setError(null);
    const opened = await platform.openFile({
      title: t('import.chooseFile'),
      filters: [{ name: t('import.fileFilter'), extensions: ['csv', 'txt', 'xlsx'] }],
      maxBytes: maxOpenFileBytes,
    });
    if (!opened.ok) setError(opened.error);
    else if (opened.value !== null) await openSource(opened.value);
  };

  const dropFile = async (dropped: File) => {
    setError(null);
    const opened = await openDroppedFile(dropped);
    if (opened.ok) await openSource(opened.value);
    else setError(opened.error);
  };

  const review = async (table: ImportTable, chosen: ProviderContractMapping, back: () => void) => {
    // The default unit applies only while the unit has no column, where the mapping step offers it.
    const plan = buildProviderContractPlan(table, chosen, { noticeUnit: chosen.noticeUnit === null ? noticeUnit : null });
    setError(null);
    if (plan.issueCounts.errors > 0) {
      setStep({ name: 'review', plan, preview: null, back });
      return;
    }
    try {
      setStep({ name: 'review', plan, preview: await previewProviderContractPlan(db, plan), back });
    } catch (thrown) {
      setError(toAppError(thrown, `Preview of ${plan.fileName} failed`));
    }
  };

  const apply = async (plan: ProviderContractPlan) => {
    setBusy(true);
    setError(null);
    try {
      setStep({ name: 'done', summary: await applyProviderContractPlan(db, plan, await getDeviceContext()) });
    } catch (thrown) {
      setError(toAppError(thrown, `Import of ${plan.fileName} failed`));
    } finally {
      setBusy(false);
    }
  };

  const counts = (summary: ImportSummary) =>
    t('import.providerContracts.counts', {
      addedProviders: summary.added.providers ?? 0,
      changedProviders: summary.changed.providers ?? 0,
      unchangedProviders: summary.unchanged.providers ?? 0,
      addedContracts: summary.added.contracts ?? 0,
      changedContracts: summary.changed.contracts ?? 0,
      unchangedContracts: summary.unchanged.contracts ?? 0,
    });

  const fieldSelect = (table: ImportTable, current: ProviderContractMapping, field: ProviderContractField) => (
    <label key={field}>
      {t(`import.providerContracts.fields.${field}`)}
      <select
        value={current[field] ?? ''}
        onChange={(event) => {
          setMapping({ ...current, [field]: event.target.value === '' ? null : event.target.value });
        }}
      >
        <option value="">{t('import.noColumn')}</option>
        {table.header.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </label>
  );

  const mappingProblems = mapping === null ? [] : providerContractMappingProblems(mapping);

  return (
    <div data-testid="provider-contract-import">
      <WizardSteps current={step.name} />
      {error ? (
        <p className="alert error" role="alert" data-testid="import-error">
          {describeAppError(t, error)}
        </p>
      ) : null}

      {step.name === 'file' ? (
        <FileDropZone busy={busy} onDrop={(file) => void dropFile(file)}>
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={() => void chooseFile()}>
              {t('import.chooseFile')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('import.cancel')}
            </button>
          </div>
        </FileDropZone>
      ) : null}

      {step.name === 'mapping' && mapping !== null ? (
        <div>
          <ReadingOptions
            table={step.table}
            options={step.options}
            onChange={(options) => {
              showMapping(step.source, options);
            }}
          />
          <h2>{t('import.providerContracts.providerColumns')}</h2>
          <div className="mapping-grid">{providerFields.map((field) => fieldSelect(step.table, mapping, field))}</div>
          <h2>{t('import.providerContracts.contractColumns')}</h2>
          <div className="mapping-grid">
            {contractFields.map((field) => fieldSelect(step.table, mapping, field))}
            {mapping.noticeUnit === null ? (
              <NoticeUnitDefault
                value={noticeUnit}
                onChange={(unit) => {
                  setNoticeUnit(unit);
                }}
              />
            ) : null}
          </div>
          {mappingProblems.length > 0 ? (
            <ul className="muted" data-testid="mapping-problems">
              {mappingProblems.map((problem) => (
                <li key={problem}>{t(`import.providerContracts.mappingProblems.${problem}`)}</li>
              ))}
            </ul>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setStep({ name: 'file' });
              }}
            >
              {t('import.back')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={mappingProblems.length > 0}
              onClick={() => {
                const mappingStep = step;
                void review(step.table, mapping, () => {
                  setStep(mappingStep);
                });
              }}
            >
              {t('import.validate')}
            </button>
          </div>
        </div>
      ) : null}

      {step.name === 'review' ? (
        <div data-testid="import-review">
          {step.plan.issueCounts.errors > 0 ? (
            <p className="alert error" role="alert">
              {t('import.reviewBlocked', { count: step.plan.issueCounts.errors })}
            </p>
          ) : null}
          {step.preview === null ? null : (
            <p className="alert success" role="status">
              {counts(step.preview.summary)}
            </p>
          )}
          <ReviewIssues issues={step.plan.issues} />
          {step.preview === null ? null : <ImportRecordChanges records={step.preview.records} />}
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={step.back}>
              {t('import.back')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || step.plan.issueCounts.errors > 0}
              onClick={() => void apply(step.plan)}
            >
              {busy ? t('import.applying') : t('import.apply')}
            </button>
          </div>
        </div>
      ) : null}

      {step.name === 'done' ? (
        <div>
          <p className="alert success" role="status" data-testid="import-done">
            {counts(step.summary)}
          </p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={onClose}>
              {t('import.close')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

interface NoticeUnitDefaultProps {
  readonly value: NoticePeriod['unit'] | null;
  readonly onChange: (unit: NoticePeriod['unit'] | null) => void;
}

/** Choice of the notice unit for every line, offered while no column is mapped to the unit. */
function NoticeUnitDefault({ value, onChange }: NoticeUnitDefaultProps) {
  const { t } = useTranslation();
  return (
    <label>
      {t('import.providerContracts.defaultNoticeUnit')}
      <select
        value={value ?? ''}
        onChange={(event) => {
          const chosen = event.target.value;
          onChange(chosen === 'days' || chosen === 'months' ? chosen : null);
        }}
      >
        <option value="">{t('import.providerContracts.noDefaultNoticeUnit')}</option>
        <option value="days">{t('profile.noticeUnits.days')}</option>
        <option value="months">{t('profile.noticeUnits.months')}</option>
      </select>
    </label>
  );
}
