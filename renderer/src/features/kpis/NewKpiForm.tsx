import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition, KpiKind } from '@shared/domain/types';
import { checkUserKpi, kindRules, kpiAggregations, kpiDirections, kpiKinds, kpiUnits } from '@shared/kpi/kpiSchema';
import type { KpiField, KpiFormInput, KpiProblem } from '@shared/kpi/kpiSchema';
import { userLocale } from '../../locale';
import { errorAttributes, FieldError, focusFirstInvalid } from '../../components/FieldError';
import { createUserKpi } from './kpiWrites';
import { aggregationLabel, directionLabel, kindLabel, kpiProblemMessage, unitLabel } from './kpiText';
import { useKpiWrite } from './useKpiWrite';

interface NewKpiFormProps {
  /** Names the new KPI must not take (see `takenKpiNames`). */
  readonly takenNames: readonly string[];
  readonly onCancel: () => void;
  readonly onCreated: (kpi: KpiDefinition) => void;
}

const initialKind: KpiKind = 'ratio';

function initialInput(): KpiFormInput {
  return {
    name: '',
    description: '',
    kind: initialKind,
    unit: kindRules[initialKind].units[0] ?? 'percent',
    direction: 'higherIsBetter',
    aggregation: kindRules[initialKind].aggregations[0] ?? 'ratioOfSums',
  };
}

/**
 * Form that creates a user KPI. Choosing a kind sets the unit and the aggregation to the ones
 * that fit it. The user may still pick a combination that does not fit, and submitting reports
 * it at the field.
 */
export function NewKpiForm({ takenNames, onCancel, onCreated }: NewKpiFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const write = useKpiWrite();
  const [input, setInput] = useState<KpiFormInput>(initialInput);
  const [problems, setProblems] = useState<Partial<Record<KpiField, KpiProblem>>>({});

  const fieldId = (field: KpiField) => `${formId}-${field}`;
  const errorId = (field: KpiField) => `${formId}-${field}-error`;
  const message = (field: KpiField) => {
    const problem = problems[field];
    return problem === undefined ? undefined : kpiProblemMessage(t, problem, input, userLocale);
  };
  const fieldProps = (field: KpiField) => ({ id: fieldId(field), ...errorAttributes(errorId(field), message(field)) });

  const change = (patch: Partial<KpiFormInput>) => {
    setInput((current) => ({ ...current, ...patch }));
    // A field that was changed shows no stale problem; the next submit checks it again.
    setProblems((current) => {
      const kept: Partial<Record<KpiField, KpiProblem>> = {};
      for (const [field, problem] of Object.entries(current) as [KpiField, KpiProblem][]) {
        if (!Object.hasOwn(patch, field)) kept[field] = problem;
      }
      return kept;
    });
  };

  const changeKind = (kind: string) => {
    const rule = Object.hasOwn(kindRules, kind) ? kindRules[kind as KpiKind] : null;
    change(rule === null ? { kind } : { kind, unit: rule.units[0] ?? input.unit, aggregation: rule.aggregations[0] ?? input.aggregation });
  };

  const submit = async () => {
    const checked = checkUserKpi(input, takenNames);
    if (!checked.ok) {
      setProblems(checked.problems);
      focusFirstInvalid(formRef.current);
      return;
    }
    setProblems({});
    const result = await write.run(`Creating KPI ${checked.value.name}`, (db, context) => createUserKpi(db, checked.value, context));
    if (result === null) return;
    if (!result.ok) {
      setProblems({ name: result.problem });
      focusFirstInvalid(formRef.current);
      return;
    }
    onCreated(result.value);
  };

  const field = (name: KpiField, label: string, control: ReactNode) => (
    <div>
      <label>
        {label}
        {control}
      </label>
      <FieldError id={errorId(name)} problem={message(name)} />
    </div>
  );

  return (
    <form
      ref={formRef}
      className="panel"
      aria-labelledby={`${formId}-heading`}
      data-testid="new-kpi-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${formId}-heading`}>{t('kpis.form.heading')}</h2>
      <fieldset disabled={write.busy} className="form-grid">
        {field(
          'name',
          t('kpis.form.nameLabel'),
          <input
            type="text"
            autoComplete="off"
            autoFocus
            value={input.name}
            {...fieldProps('name')}
            onChange={(event) => {
              change({ name: event.target.value });
            }}
          />,
        )}
        {field(
          'kind',
          t('kpis.form.kindLabel'),
          <select
            value={input.kind}
            {...fieldProps('kind')}
            onChange={(event) => {
              changeKind(event.target.value);
            }}
          >
            {kpiKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(t, kind)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'unit',
          t('kpis.form.unitLabel'),
          <select
            value={input.unit}
            {...fieldProps('unit')}
            onChange={(event) => {
              change({ unit: event.target.value });
            }}
          >
            {kpiUnits.map((unit) => (
              <option key={unit} value={unit}>
                {unitLabel(t, unit)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'direction',
          t('kpis.form.directionLabel'),
          <select
            value={input.direction}
            {...fieldProps('direction')}
            onChange={(event) => {
              change({ direction: event.target.value });
            }}
          >
            {kpiDirections.map((direction) => (
              <option key={direction} value={direction}>
                {directionLabel(t, direction)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'aggregation',
          t('kpis.form.aggregationLabel'),
          <select
            value={input.aggregation}
            {...fieldProps('aggregation')}
            onChange={(event) => {
              change({ aggregation: event.target.value });
            }}
          >
            {kpiAggregations.map((aggregation) => (
              <option key={aggregation} value={aggregation}>
                {aggregationLabel(t, aggregation)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'description',
          t('kpis.form.descriptionLabel'),
          <textarea
            rows={3}
            value={input.description}
            {...fieldProps('description')}
            onChange={(event) => {
              change({ description: event.target.value });
            }}
          />,
        )}
      </fieldset>
      <p className="muted">{t('kpis.form.kindHint')}</p>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={write.busy}>
          {write.busy ? t('kpis.form.creating') : t('kpis.form.create')}
        </button>
        <button type="button" className="button" disabled={write.busy} onClick={onCancel}>
          {t('kpis.form.cancel')}
        </button>
      </div>
    </form>
  );
}
