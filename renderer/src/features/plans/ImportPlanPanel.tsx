import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import { createPlanFromImport, previewPlanFile } from '../../db/plans';
import type { PlanFilePreview } from '../../db/plans';
import { describeAppError } from '../../errorMessage';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { ImportReport } from './ImportReport';
import { ProviderSelect } from './ProviderSelect';
import { localToday } from './roadmapOption';
import { usePlanWrite } from './usePlanWrite';

/** Extensions of the project files the import reads. */
export const projectFileExtensions: readonly string[] = ['xml', 'mpx', 'gan', 'csv'];

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preview'; readonly preview: PlanFilePreview }
  | { readonly kind: 'created'; readonly preview: PlanFilePreview; readonly planId: Id; readonly title: string };

interface ImportPlanPanelProps {
  readonly onOpenPlan: (planId: Id) => void;
  readonly onClose: () => void;
}

/**
 * Imports a project file (Microsoft Project XML, MPX, GanttProject or plan CSV) as a new plan.
 * The file is read and checked first. Its report shows what will be converted, what will be
 * dropped and why, and it stays on screen after the plan is created.
 */
export function ImportPlanPanel({ onOpenPlan, onClose }: ImportPlanPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const write = usePlanWrite();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<Id | null>(null);
  const [title, setTitle] = useState('');

  const choose = async () => {
    setFailure(null);
    // The browser opens its file picker only when this call runs straight from the click.
    const filters = [{ name: t('plans.import.filterName'), extensions: projectFileExtensions }];
    const opened = await platform.openFile({ title: t('plans.import.dialogTitle'), filters, maxBytes: maxOpenFileBytes });
    if (!opened.ok) {
      setFailure(describeAppError(t, opened.error));
      return;
    }
    if (opened.value === null) return;
    const file = opened.value;
    try {
      const preview = previewPlanFile(file.bytes, file.name, localToday());
      setTitle(preview.imported.plan.title);
      setStage({ kind: 'preview', preview });
    } catch (thrown) {
      setStage({ kind: 'idle' });
      setFailure(describeAppError(t, toAppError(thrown, `Reading project file ${file.name} failed`)));
    }
  };

  const create = async (preview: PlanFilePreview) => {
    const plan = await write.run(`Creating a plan from ${preview.fileName}`, (db, context) =>
      createPlanFromImport(db, preview, { providerId, title }, context),
    );
    if (plan !== null) setStage({ kind: 'created', preview, planId: plan.id, title: plan.title });
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="plan-import">
      <h2 id={headingId}>{t('plans.import.heading')}</h2>
      <p className="muted">{t('plans.import.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={write.busy} onClick={() => void choose()}>
          {stage.kind === 'idle' ? t('plans.import.choose') : t('plans.import.chooseAnother')}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          {t('plans.close')}
        </button>
      </div>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      {stage.kind === 'idle' ? null : <ImportReport fileName={stage.preview.fileName} report={stage.preview.report} />}
      {stage.kind === 'preview' ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void create(stage.preview);
          }}
        >
          <fieldset className="form-grid" disabled={write.busy}>
            <ProviderSelect value={providerId} onChange={setProviderId} />
            <label>
              {t('plans.import.titleLabel')}
              <input
                type="text"
                value={title}
                placeholder={stage.preview.fileName}
                onChange={(event) => {
                  setTitle(event.target.value);
                }}
              />
            </label>
          </fieldset>
          {write.error === null ? null : (
            <p className="alert error" role="alert">
              {write.error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button" disabled={write.busy}>
              {t('plans.import.create')}
            </button>
          </div>
        </form>
      ) : null}
      {stage.kind === 'created' ? (
        <>
          <p role="status" data-testid="plan-import-status">
            {t('plans.import.created', { title: stage.title, file: stage.preview.fileName })}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              onOpenPlan(stage.planId);
            }}
          >
            {t('plans.import.openPlan')}
          </button>
        </>
      ) : null}
    </section>
  );
}
