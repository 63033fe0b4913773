import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateFromRfp } from '@shared/rfp/templates';
import { listCriteriaTemplates, maxTemplateTitleLength, saveCriteriaTemplate } from '../../db/criteriaTemplates';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import type { RfpRecords } from './rfpRecords';
import { checkTemplateName, savedTemplateKeys, templateReplacedBy } from './templateChoice';
import type { TemplateNameProblem } from './templateChoice';

/**
 * "Save criteria as template": prompts for a title and saves the RFP's sections and criteria, with
 * weights and level descriptions, as a criteria template in the catalogue, where every portfolio
 * on this computer can start an RFP from it. Scores, bidders and prices are never part of it.
 */
export function SaveTemplateForm({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const formId = useId();
  const saved = useLiveQuery(() => listCriteriaTemplates(), []) ?? [];
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<TemplateNameProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replaced = name.trim() === '' ? undefined : templateReplacedBy(name, saved);

  const save = async () => {
    const nameProblem = checkTemplateName(name);
    setProblem(nameProblem);
    if (nameProblem !== null) return;
    setBusy(true);
    setFailure(null);
    try {
      const template = templateFromRfp(records.sections, records.criteria, name, savedTemplateKeys(saved));
      const entry = await saveCriteriaTemplate(template);
      setSavedName(entry.name);
      setOpen(false);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the criteria of RFP ${records.event.id} as a template failed`)));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => {
            setName(records.event.title);
            setProblem(null);
            setFailure(null);
            setSavedName(null);
            setOpen(true);
          }}
        >
          {t('rfp.templates.saveAs')}
        </button>
        {savedName === null ? null : (
          <p className="muted" role="status">
            {t('rfp.templates.saved', { name: savedName })}
          </p>
        )}
      </div>
    );
  }

  return (
    <form
      className="toolbar"
      aria-label={t('rfp.templates.saveAs')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {t('rfp.templates.nameLabel')}
        <input
          type="text"
          value={name}
          maxLength={maxTemplateTitleLength}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${formId}-error`}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </label>
      {problem === null ? null : (
        <span className="field-error" id={`${formId}-error`}>
          {t(`rfp.templates.errors.${problem}`, { maxLength: maxTemplateTitleLength })}
        </span>
      )}
      {replaced === undefined ? null : <span className="muted">{t('rfp.templates.replaces', { name: replaced.name })}</span>}
      <button type="submit" className="button" disabled={busy}>
        {t('rfp.templates.save')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setOpen(false);
        }}
      >
        {t('rfp.templates.cancel')}
      </button>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
