import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkKpiEdit } from '@shared/kpi/kpiSchema';
import type { KpiField, KpiProblem } from '@shared/kpi/kpiSchema';
import { userLocale } from '../../locale';
import { errorAttributes, FieldError, focusFirstInvalid } from '../../components/FieldError';
import type { PortfolioKpiRow } from './kpiRows';
import { editUserKpi } from './kpiWrites';
import { kpiProblemMessage } from './kpiText';
import { useKpiWrite } from './useKpiWrite';

interface KpiEditFormProps {
  readonly row: PortfolioKpiRow;
  /** Names the KPI must not take, leaving out its own (see `takenKpiNames`). */
  readonly takenNames: readonly string[];
  readonly onClose: () => void;
}

type EditField = Extract<KpiField, 'name' | 'description'>;

/** Form in a table row that changes a user KPI's name and description. */
export function KpiEditForm({ row, takenNames, onClose }: KpiEditFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const write = useKpiWrite();
  const [name, setName] = useState(row.kpi.name);
  const [description, setDescription] = useState(row.kpi.description);
  const [problems, setProblems] = useState<Partial<Record<EditField, KpiProblem | undefined>>>({});

  const input = { name, description, unit: row.kpi.unit, direction: row.kpi.direction, kind: row.kpi.kind, aggregation: row.kpi.aggregation };
  const errorId = (field: EditField) => `${formId}-${field}-error`;
  const message = (field: EditField) => {
    const problem = problems[field];
    return problem === undefined ? undefined : kpiProblemMessage(t, problem, input, userLocale);
  };

  const submit = async () => {
    const checked = checkKpiEdit({ name, description }, takenNames);
    if (!checked.ok) {
      setProblems(checked.problems);
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await write.run(`Editing KPI ${row.kpi.id}`, (db, context) => editUserKpi(db, row.kpi.id, checked.value, context));
    if (result === null) return;
    if (!result.ok) {
      setProblems({ name: result.problem });
      focusFirstInvalid(formRef.current);
      return;
    }
    onClose();
  };

  return (
    <form
      ref={formRef}
      aria-label={t('kpis.edit.formLabel', { name: row.name })}
      data-testid="kpi-edit-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={write.busy}>
        <div>
          <label>
            {t('kpis.form.nameLabel')}
            <input
              type="text"
              autoComplete="off"
              autoFocus
              value={name}
              {...errorAttributes(errorId('name'), message('name'))}
              onChange={(event) => {
                setName(event.target.value);
                setProblems((current) => ({ ...current, name: undefined }));
              }}
            />
          </label>
          <FieldError id={errorId('name')} problem={message('name')} />
        </div>
        <div>
          <label>
            {t('kpis.form.descriptionLabel')}
            <textarea
              rows={2}
              value={description}
              {...errorAttributes(errorId('description'), message('description'))}
              onChange={(event) => {
                setDescription(event.target.value);
                setProblems((current) => ({ ...current, description: undefined }));
              }}
            />
          </label>
          <FieldError id={errorId('description')} problem={message('description')} />
        </div>
      </fieldset>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={write.busy}>
          {write.busy ? t('kpis.edit.saving') : t('kpis.edit.save')}
        </button>
        <button type="button" className="button" disabled={write.busy} onClick={onClose}>
          {t('kpis.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
