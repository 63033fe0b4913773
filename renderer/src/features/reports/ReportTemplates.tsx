/** Report templates of the open portfolio: apply one, save the current choices under a name, or delete one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteReportTemplate, maxTemplateNameLength, saveReportTemplate } from '../../db/reportTemplates';
import type { ReportTemplate } from '../../db/reportTemplates';
import type { PortfolioDb } from '../../db/portfolioDb';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { templateOf } from './reportChoices';
import { SelectField } from './SelectField';
import type { ReportChoices } from './reportChoices';

export interface ReportTemplatesProps {
  readonly db: PortfolioDb;
  /** The saved templates, or `null` when the stored value could not be read. */
  readonly templates: readonly ReportTemplate[] | null;
  readonly choices: ReportChoices;
  readonly onApply: (template: ReportTemplate) => void;
}

export function ReportTemplates({ db, templates, choices, onApply }: ReportTemplatesProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ readonly kind: 'ok' | 'error'; readonly text: string } | null>(null);
  const chosen = templates?.find((template) => template.name === selected) ?? null;

  const save = async () => {
    if (name.trim() === '') {
      setMessage({ kind: 'error', text: t('reports.templates.nameMissing') });
      return;
    }
    try {
      await saveReportTemplate(db, templateOf(name, choices));
      setSelected(name.trim());
      setMessage({ kind: 'ok', text: t('reports.templates.saved', { name: name.trim() }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describeAppError(t, toAppError(error, 'Saving a report template failed')) });
    }
  };

  const remove = async (template: ReportTemplate) => {
    try {
      await deleteReportTemplate(db, template.name);
      setSelected('');
      setMessage({ kind: 'ok', text: t('reports.templates.deleted', { name: template.name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describeAppError(t, toAppError(error, 'Deleting a report template failed')) });
    }
  };

  return (
    <section className="report-builder" aria-label={t('reports.templates.label')}>
      <fieldset>
        <legend>{t('reports.templates.label')}</legend>
        {templates === null ? <p className="alert error">{t('reports.templates.readFailed')}</p> : null}
        <SelectField label={t('reports.templates.choose')} value={selected} onChange={setSelected}>
          <option value="">{t('reports.templates.none')}</option>
          {(templates ?? []).map((template) => (
            <option key={template.name} value={template.name}>
              {template.name}
            </option>
          ))}
        </SelectField>
        <div className="report-actions">
          <button type="button" className="button" disabled={chosen === null} onClick={() => {
              if (chosen !== null) onApply(chosen);
            }}>
            {t('reports.templates.apply')}
          </button>
          <button type="button" className="button" disabled={chosen === null} onClick={() => {
              if (chosen !== null) void remove(chosen);
            }}>
            {t('reports.templates.delete')}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('reports.templates.save')}</legend>
        <label>
          {t('reports.templates.name')}
          <input
            type="text"
            value={name}
            maxLength={maxTemplateNameLength}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </label>
        <button type="button" className="button" onClick={() => void save()}>
          {t('reports.templates.save')}
        </button>
        <p className="muted">{t('reports.templates.localNote')}</p>
      </fieldset>
      {message !== null ? (
        <p className={message.kind === 'error' ? 'alert error wide' : 'wide'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
