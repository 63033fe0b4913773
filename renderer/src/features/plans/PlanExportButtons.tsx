import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { exportPlanFile } from '../../db/plans';
import type { PlanExportFormat } from '../../db/plans';
import { describeAppError } from '../../errorMessage';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';

const formats: readonly PlanExportFormat[] = ['mspdi', 'csv'];
const extensions: Readonly<Record<PlanExportFormat, string>> = { mspdi: 'xml', csv: 'csv' };

type Outcome = { readonly kind: 'saved' | 'error'; readonly message: string };

/** Buttons that export one plan as Microsoft Project XML or CSV, saved as a download in browser mode. */
export function PlanExportButtons({ planId, disabled = false }: { readonly planId: Id | null; readonly disabled?: boolean }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async (format: PlanExportFormat) => {
    if (planId === null) return;
    setBusy(true);
    setOutcome(null);
    try {
      const file = await exportPlanFile(db, planId, format);
      const filters = [{ name: t(`plans.export.filters.${format}`), extensions: [extensions[format]] }];
      const saved = await platform.saveFile({
        title: t('plans.export.dialogTitle'),
        suggestedName: file.fileName,
        filters,
        bytes: file.bytes,
      });
      if (!saved.ok) setOutcome({ kind: 'error', message: describeAppError(t, saved.error) });
      else if (saved.value !== null) setOutcome({ kind: 'saved', message: t('plans.export.saved', { file: saved.value.name }) });
    } catch (thrown) {
      setOutcome({ kind: 'error', message: describeAppError(t, toAppError(thrown, `Exporting plan ${planId} as ${format} failed`)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={disabled || busy || planId === null}
          onClick={() => void save(format)}
        >
          {t(`plans.export.${format}`)}
        </button>
      ))}
      {outcome === null ? null : (
        <p className={outcome.kind === 'error' ? 'alert error' : undefined} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.message}
        </p>
      )}
    </>
  );
}
