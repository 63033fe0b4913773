import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { saveBaseline } from '../../db/plans';
import type { PlanRecords } from '../../db/plans';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { CalendarsPanel } from './CalendarsPanel';
import { GanttView } from './gantt/GanttView';
import { PlanHeader } from './PlanHeader';
import { usePlanRecords } from './usePlanData';
import { usePlanEditor } from './usePlanEditor';
import { usePlanWrite } from './usePlanWrite';
import './plans.css';

/** Ids of the calendars a plan or its tasks name. */
function usedCalendarIds(records: PlanRecords): Set<Id> {
  const ids = new Set<Id>([records.plan.calendarId]);
  for (const task of records.tasks) {
    if (task.calendarId !== null) ids.add(task.calendarId);
  }
  return ids;
}

/** Shows the editor of one loaded plan: header, Gantt view with its undo history, baselines and calendars. */
function PlanEditorView({ records }: { readonly records: PlanRecords }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const editor = usePlanEditor(records.plan.id, records);
  const baselineWrite = usePlanWrite();
  const [baselineStatus, setBaselineStatus] = useState<string | null>(null);
  const baselines = useMemo(() => [...records.baselines].sort((a, b) => a.takenAt.localeCompare(b.takenAt, 'en')), [records.baselines]);
  const usedIds = useMemo(() => usedCalendarIds(records), [records]);

  const onSaveBaseline = (name: string) => {
    setBaselineStatus(null);
    void baselineWrite
      .run(`Saving a baseline of plan ${records.plan.id}`, (db, context) => saveBaseline(db, records.plan.id, name, context))
      .then((baseline) => {
        if (baseline !== null) setBaselineStatus(t('plans.baselineSaved', { name: baseline.name }));
      });
  };

  return (
    <>
      <PlanHeader
        key={`${records.plan.id}-${records.plan.clock}-${Object.values(records.plan.fieldClocks).join()}`}
        plan={records.plan}
        calendars={records.calendars}
        onDeleted={() => {
          navigate({ name: 'plans' });
        }}
      />
      {editor.message === null ? null : (
        <p
          className={editor.message.tone === 'error' ? 'alert error' : 'alert'}
          role={editor.message.tone === 'error' ? 'alert' : 'status'}
          data-testid="plan-editor-message"
        >
          {editor.message.text}
        </p>
      )}
      {baselineWrite.error === null ? null : (
        <p className="alert error" role="alert">
          {baselineWrite.error}
        </p>
      )}
      {baselineStatus === null ? null : <p role="status">{baselineStatus}</p>}
      <GanttView
        plan={records.plan}
        state={editor.step.state}
        calendars={records.calendars}
        baselines={baselines}
        onCommand={editor.onCommand}
        onUndo={editor.onUndo}
        onRedo={editor.onRedo}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onSaveBaseline={onSaveBaseline}
      />
      <CalendarsPanel calendars={records.calendars} usedIds={usedIds} />
    </>
  );
}

/** Loads one plan and shows its editor, or a message when the plan is gone. */
export function PlanScreen({ planId }: { readonly planId: Id }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const records = usePlanRecords(planId);

  const back = (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        navigate({ name: 'plans' });
      }}
    >
      {t('plans.backToList')}
    </button>
  );
  if (records === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (records === null) {
    return (
      <section>
        <p className="alert error" role="alert">
          {t('plans.notFound')}
        </p>
        {back}
      </section>
    );
  }
  return (
    <section aria-label={t('plans.screenLabel', { title: records.plan.title })} data-testid="plan-screen">
      {back}
      <PlanEditorView key={planId} records={records} />
    </section>
  );
}
