/**
 * Runs one write of the provider record with the device context, and keeps its failure as a
 * sentence. The technical cause goes to the log through `toAppError`. A write given an undo
 * label goes on the undo stack (see docs/undo.md).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDeviceContext } from '../../db/catalogue';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';

export interface RecordWrite {
  readonly busy: boolean;
  /** Sentence of the last failure, or `null`. */
  readonly error: string | null;
  /**
   * Runs `write`; resolves to its result, or to `null` when it failed. `action` names the write in
   * the log. With `undoLabel` (translated, naming the edit and its record) the write is undoable.
   */
  readonly run: <R>(
    action: string,
    write: (db: PortfolioDb, context: DeviceContext) => Promise<R>,
    undoLabel?: string,
  ) => Promise<R | null>;
}

export function useRecordWrite(): RecordWrite {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run: RecordWrite['run'] = async (action, write, undoLabel) => {
    setBusy(true);
    setError(null);
    try {
      const context = await getDeviceContext();
      if (undoLabel === undefined) return await write(db, context);
      return await recordUndoable(db, undoLabel, context, (observed) => write(db, observed));
    } catch (thrown) {
      const appError = toAppError(thrown, `${action} failed`);
      // The generic sentence for a missing record speaks of the portfolio, so a deleted site or contact gets its own.
      setError(appError.code === 'storage.notFound' ? t('providerRecord.goneMeanwhile') : describeAppError(t, appError));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
