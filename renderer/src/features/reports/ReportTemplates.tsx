/**
 * Report templates of the open portfolio: apply one, save the current choices under a name, rename
 * one, or delete one. Replacing a template of the same name and deleting one ask first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteReportTemplate, maxTemplateNameLength, renameReportTemplate, saveReportTemplate } from '../../db/reportTemplates';
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

/** A step that waits for the user: confirming a replacement or a deletion, or typing a new name. */
type Pending =
  | { readonly kind: 'replace'; readonly name: string }
  | { readonly kind: 'delete'; readonly name: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

type Message = { readonly kind: 'ok' | 'error'; readonly text: string };

/** Finds the template named `name`, ignoring case and surrounding spaces, as the store compares names. */
function findTemplate(templates: readonly ReportTemplate[] | null, name: string): ReportTemplate | undefined {
  const key = name.trim().toLowerCase();
  return templates?.find((template) => template.name.toLowerCase() === key);
}

export function ReportTemplates({ db, templates, choices, onApply }: ReportTemplatesProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const chosen = findTemplate(templates, selected) ?? null;

  /** Runs a store change and reports its outcome, `done` on success; returns whether it succeeded. */
  const change = async (work: () => Promise<void>, done: string, fallback: string): Promise<boolean> => {
    try {
      await work();
      setPending(null);
      setMessage({ kind: 'ok', text: done });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: describeAppError(t, toAppError(error, fallback)) });
      return false;
    }
  };

  const save = async (confirmed: boolean) => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setMessage({ kind: 'error', text: t('reports.templates.nameMissing') });
      return;
    }
    const existing = findTemplate(templates, trimmed);
    if (existing !== undefined && !confirmed) {
      setMessage(null);
      setPending({ kind: 'replace', name: existing.name });
      return;
    }
    if (await change(() => saveReportTemplate(db, templateOf(trimmed, choices)), t('reports.templates.saved', { name: trimmed }), 'Saving a report template failed')) {
      setSelected(trimmed);
    }
  };

  const rename = async (from: string, to: string) => {
    const trimmed = to.trim();
    if (trimmed === '') {
      setMessage({ kind: 'error', text: t('reports.templates.nameMissing') });
      return;
    }
    const other = findTemplate(templates, trimmed);
    if (other !== undefined && other.name.toLowerCase() !== from.toLowerCase()) {
      setMessage({ kind: 'error', text: t('reports.templates.nameTaken', { name: other.name }) });
      return;
    }
    if (await change(() => renameReportTemplate(db, from, trimmed), t('reports.templates.renamed', { from, to: trimmed }), 'Renaming a report template failed')) {
      setSelected(trimmed);
    }
  };

  const remove = async (removed: string) => {
    if (await change(() => deleteReportTemplate(db, removed), t('reports.templates.deleted', { name: removed }), 'Deleting a report template failed')) {
      setSelected('');
    }
  };

  return (
    <section className="report-builder" aria-label={t('reports.templates.label')}>
      <fieldset>
        <legend>{t('reports.templates.label')}</legend>
        {templates === null ? <p className="alert error">{t('reports.templates.readFailed')}</p> : null}
        <SelectField
          label={t('reports.templates.choose')}
          value={chosen?.name ?? ''}
          onChange={(value) => {
            setSelected(value);
            setPending(null);
          }}
        >
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
              if (chosen !== null) setPending({ kind: 'rename', from: chosen.name, to: chosen.name });
            }}>
            {t('reports.templates.rename')}
          </button>
          <button type="button" className="button" disabled={chosen === null} onClick={() => {
              if (chosen !== null) setPending({ kind: 'delete', name: chosen.name });
            }}>
            {t('reports.templates.delete')}
          </button>
        </div>
        {pending?.kind === 'rename' ? (
          <div className="report-confirm" role="group" aria-label={t('reports.templates.renameLabel', { name: pending.from })}>
            <label>
              {t('reports.templates.newName')}
              <input
                type="text"
                value={pending.to}
                maxLength={maxTemplateNameLength}
                onChange={(event) => {
                  setPending({ ...pending, to: event.target.value });
                }}
              />
            </label>
            <div className="report-actions">
              <button type="button" className="button primary" onClick={() => void rename(pending.from, pending.to)}>
                {t('reports.templates.confirmRename')}
              </button>
              <button type="button" className="button" onClick={() => { setPending(null); }}>
                {t('reports.templates.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {pending?.kind === 'delete' ? (
          <Confirm
            question={t('reports.templates.deleteQuestion', { name: pending.name })}
            confirm={t('reports.templates.confirmDelete')}
            cancel={t('reports.templates.keep')}
            onConfirm={() => void remove(pending.name)}
            onCancel={() => { setPending(null); }}
          />
        ) : null}
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
              if (pending?.kind === 'replace') setPending(null);
            }}
          />
        </label>
        <button type="button" className="button" onClick={() => void save(false)}>
          {t('reports.templates.save')}
        </button>
        {pending?.kind === 'replace' ? (
          <Confirm
            question={t('reports.templates.replaceQuestion', { name: pending.name })}
            confirm={t('reports.templates.confirmReplace')}
            cancel={t('reports.templates.cancel')}
            onConfirm={() => void save(true)}
            onCancel={() => { setPending(null); }}
          />
        ) : null}
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

/** Shows a question in place, with a button that confirms and one that cancels. */
function Confirm(props: { readonly question: string; readonly confirm: string; readonly cancel: string; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  return (
    <div className="report-confirm" role="alertdialog" aria-label={props.question}>
      <p>{props.question}</p>
      <div className="report-actions">
        <button type="button" className="button primary" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </div>
  );
}
