/**
 * The plan screen's edit history: it applies each Gantt command in memory, stores it with
 * `applyPlanCommand`, and keeps undo and redo in step with the database. Commands run one at a
 * time in the order they arrive. When the stored plan changes by other means (another window,
 * an import, a merge), the screen takes the stored state and starts a new history.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { execute, invertCommand, redo, undo } from '@shared/schedule/commands';
import type { EditCommand, EditStep, PlanState } from '@shared/schedule/commands';
import { getDeviceContext } from '../../db/catalogue';
import { applyPlanCommand, repairPlanState } from '../../db/plans';
import type { PlanRecords } from '../../db/plans';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { initialStep, planStateOf, renamePlanIds, sameState } from './planHistory';

export type EditorMessage = { readonly tone: 'error' | 'status'; readonly text: string };

export interface PlanEditor {
  readonly step: EditStep;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onCommand: (command: EditCommand) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  /** Sentence of the last rejected edit or of a history reset, or `null`. */
  readonly message: EditorMessage | null;
}

type Request = { readonly kind: 'do'; readonly command: EditCommand } | { readonly kind: 'undo' } | { readonly kind: 'redo' };

interface EditorState {
  readonly step: EditStep;
  /** Writes started and not yet finished. */
  readonly pending: number;
  /** Stored state that this state was last compared with. */
  readonly seen: PlanState;
  /**
   * State that the last write replaced. A read the live query started before that write can
   * arrive after it and still show this state, so such a read is not taken as a change.
   */
  readonly replaced: PlanState | null;
  readonly message: EditorMessage | null;
}

/** Returns the command to store for `request` and the step that follows it, or `null` when there is nothing to do. */
function planned(step: EditStep, request: Request): { command: EditCommand; next: EditStep } | null {
  if (request.kind === 'do') return { command: request.command, next: execute(step, request.command) };
  if (request.kind === 'undo') {
    const last = step.history.done.at(-1);
    return last === undefined ? null : { command: invertCommand(last), next: undo(step) };
  }
  const last = step.history.undone.at(-1);
  return last === undefined ? null : { command: last, next: redo(step) };
}

export function usePlanEditor(planId: Id, records: PlanRecords): PlanEditor {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const stored: PlanState = useMemo(() => {
    const calendarIds = new Set(records.calendars.map((calendar) => calendar.id));
    return planStateOf(repairPlanState(records.tasks, records.dependencies, calendarIds));
  }, [records]);

  const [editor, setEditor] = useState<EditorState>(() => ({
    step: initialStep(stored),
    pending: 0,
    seen: stored,
    replaced: null,
    message: null,
  }));

  // A new read of the stored plan: take it when it differs from the history's state while no
  // write runs (React's pattern for state that follows a prop).
  if (editor.seen !== stored) {
    const stale = editor.replaced !== null && sameState(stored, editor.replaced);
    const outdated = editor.pending === 0 && !stale && !sameState(stored, editor.step.state);
    setEditor({
      ...editor,
      seen: stored,
      ...(outdated ? { step: initialStep(stored), message: { tone: 'status' as const, text: t('plans.editor.changedElsewhere') } } : {}),
    });
  }

  // The queue plans each command on the step its predecessor left, which React may not have rendered yet.
  const latestStep = useRef(editor.step);
  const latestStored = useRef(stored);
  useEffect(() => {
    latestStep.current = editor.step;
    latestStored.current = stored;
  }, [editor.step, stored]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const run = useCallback(
    (request: Request) => {
      queue.current = queue.current.then(async () => {
        let plan: { command: EditCommand; next: EditStep } | null;
        try {
          plan = planned(latestStep.current, request);
        } catch (thrown) {
          // The command does not fit the state in memory, so it was built on an older state.
          const text = describeAppError(t, toAppError(thrown, `Applying an edit to plan ${planId} failed`));
          setEditor((current) => ({ ...current, message: { tone: 'error', text } }));
          return;
        }
        if (plan === null) return;
        const { command, next } = plan;
        setEditor((current) => ({ ...current, pending: current.pending + 1 }));
        try {
          const result = await applyPlanCommand(db, planId, command, await getDeviceContext());
          const replaced = latestStep.current.state;
          const renamed = renamePlanIds(next, result.renamedIds);
          latestStep.current = renamed;
          setEditor((current) => ({ ...current, step: renamed, pending: current.pending - 1, replaced, message: null }));
        } catch (thrown) {
          const error = toAppError(thrown, `Storing an edit of plan ${planId} failed`);
          const text = t('plans.editor.rejected', { reason: describeAppError(t, error) });
          // An outdated edit means the history no longer matches the stored plan, so it starts again from it.
          const reset = error.code === 'plan.editOutdated' ? initialStep(latestStored.current) : null;
          if (reset !== null) latestStep.current = reset;
          setEditor((current) => ({
            ...current,
            ...(reset === null ? {} : { step: reset }),
            pending: current.pending - 1,
            message: { tone: 'error', text },
          }));
        }
      });
    },
    [db, planId, t],
  );

  return {
    step: editor.step,
    canUndo: editor.step.history.done.length > 0,
    canRedo: editor.step.history.undone.length > 0,
    onCommand: (command) => {
      run({ kind: 'do', command });
    },
    onUndo: () => {
      run({ kind: 'undo' });
    },
    onRedo: () => {
      run({ kind: 'redo' });
    },
    message: editor.message,
  };
}
