/**
 * The undo toast and the Ctrl+Z / Cmd+Z shortcut of the open portfolio. Mounted once inside
 * the portfolio context; the undo stack itself lives in `undoStore.ts`.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { selectToastSerial, selectUndoToast, useUndoStore } from './undoStore';
import type { UndoToast } from './undoStore';
import { undoWrites } from './undoWrites';
import { useToastPlacement } from './useToastPlacement';
import './undo.css';

/** Time a toast stays up unless focus is inside it, in milliseconds. */
const toastMs = 10_000;

/** Input types that take no typed text, where Ctrl+Z has no text edit to undo. */
const nonTextInputs: ReadonlySet<string> = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Returns whether the browser's own undo applies to `target`: a text field or editable content. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
}

function isUndoShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
}

export function UndoHost() {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const toast = useUndoStore(selectUndoToast);
  const toastSerial = useUndoStore(selectToastSerial);
  const canUndoSaved = useUndoStore((state) => toast?.kind === 'saved' && state.entries.some((entry) => entry.serial === toast.serial));
  const running = useRef(false);
  const toastRef = useRef<HTMLDivElement>(null);
  const timer = useRef<number | null>(null);
  const placement = useToastPlacement(toastRef, toast);

  const undoLast = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    const store = useUndoStore.getState();
    const entry = store.takeLast(db.name);
    try {
      if (entry === null) {
        store.showToast({ kind: 'nothingToUndo' });
        return;
      }
      const outcome = await undoWrites(db, entry.writes, await getDeviceContext(), store.undoClocks);
      if (outcome.kind === 'undone') store.addUndoClocks(outcome.clocks);
      store.showToast({ kind: outcome.kind, label: entry.label });
    } catch (thrown) {
      const label = entry?.label ?? '';
      store.showToast({ kind: 'failed', label, message: describeAppError(t, toAppError(thrown, `Undo of ${label} failed`)) });
    } finally {
      running.current = false;
    }
  }, [db, t]);

  // Edits made in another portfolio cannot be undone here, so they are dropped on opening this one.
  useEffect(() => {
    useUndoStore.getState().keepOnly(db.name);
  }, [db]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isUndoShortcut(event) || isTextField(event.target)) return;
      event.preventDefault();
      void undoLast();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [undoLast]);

  const stopTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  const startTimer = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      useUndoStore.getState().showToast(null);
    }, toastMs);
  }, []);

  useEffect(() => {
    if (toast === null) return;
    startTimer();
    return stopTimer;
  }, [toast, toastSerial, startTimer]);

  if (toast === null) return null;
  return (
    <div
      ref={toastRef}
      className={placement === 'top' ? 'undo-toast undo-toast-top' : 'undo-toast'}
      data-placement={placement}
      // A live region without role="status", so that the page's own status messages stay the only ones of that role.
      aria-live="polite"
      aria-atomic="true"
      data-testid="undo-toast"
      onFocus={stopTimer}
      onBlur={(event) => {
        if (!toastRef.current?.contains(event.relatedTarget)) startTimer();
      }}
    >
      <span>{toastText(t, toast)}</span>
      {toast.kind === 'saved' && canUndoSaved ? (
        <button type="button" className="button" onClick={() => void undoLast()}>
          {t('undo.undo')}
        </button>
      ) : null}
      <button
        type="button"
        className="button undo-dismiss"
        aria-label={t('undo.dismiss')}
        onClick={() => {
          useUndoStore.getState().showToast(null);
        }}
      >
        ×
      </button>
    </div>
  );
}

function toastText(t: TFunction, toast: UndoToast): string {
  switch (toast.kind) {
    case 'saved':
      return t('undo.saved', { label: toast.label });
    case 'savedNoUndo':
      return t('undo.savedNoUndo', { label: toast.label });
    case 'deletedNoUndo':
      return t('undo.deletedNoUndo');
    case 'undone':
      return t('undo.undone', { label: toast.label });
    case 'changedSince':
      return t('undo.changedSince', { label: toast.label });
    case 'deletedSince':
      return t('undo.deletedSince', { label: toast.label });
    case 'nothingToUndo':
      return t('undo.nothingToUndo');
    case 'failed':
      return t('undo.failed', { label: toast.label, message: toast.message });
  }
}
