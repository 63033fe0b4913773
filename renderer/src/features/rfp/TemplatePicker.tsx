import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateTextKey } from '@shared/rfp/templates';
import { deleteCriteriaTemplate } from '../../db/criteriaTemplates';
import type { SavedCriteriaTemplate } from '../../db/criteriaTemplates';
import { describeAppError } from '../../errorMessage';
import { translateDynamic } from '../../i18n/dynamic';
import { toAppError } from '../../reportError';
import { builtInTemplateOptions, defaultTemplateValue, savedTemplateOptions } from './templateChoice';

interface TemplatePickerProps {
  /** Saved templates, or `undefined` while the catalogue is read. */
  readonly saved: readonly SavedCriteriaTemplate[] | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled: boolean;
}

/**
 * Choice of the criteria template for a new RFP: the built-in templates, then the user's saved
 * ones. A saved template can be deleted here after a confirmation; the choice then falls back
 * to the default built-in template.
 */
export function TemplatePicker({ saved, value, onChange, disabled }: TemplatePickerProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const builtIn = builtInTemplateOptions();
  const own = savedTemplateOptions(saved ?? []);
  const selectedOwn = own.find((option) => option.value === value);

  const remove = async () => {
    const savedId = selectedOwn?.savedId ?? null;
    if (savedId === null) return;
    setFailure(null);
    try {
      await deleteCriteriaTemplate(savedId);
      setConfirming(false);
      onChange(defaultTemplateValue);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Deleting the criteria template ${savedId} failed`)));
    }
  };

  return (
    <div className="template-picker">
      <label htmlFor={selectId}>{t('rfp.templates.chooseLabel')}</label>{' '}
      <select
        id={selectId}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          setConfirming(false);
          setFailure(null);
          onChange(event.target.value);
        }}
      >
        <optgroup label={t('rfp.templates.builtInGroup')}>
          {builtIn.map((option) => (
            <option key={option.value} value={option.value}>
              {translateDynamic(t, templateTextKey(option.templateKey, 'title'), { defaultValue: option.title })}
            </option>
          ))}
        </optgroup>
        {own.length === 0 ? null : (
          <optgroup label={t('rfp.templates.savedGroup')}>
            {own.map((option) => (
              <option key={option.value} value={option.value}>
                {option.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {saved !== undefined && own.length === 0 ? <p className="muted">{t('rfp.templates.noneSaved')}</p> : null}
      {selectedOwn === undefined ? null : confirming ? (
        <span role="group" aria-label={t('rfp.templates.confirmDelete', { name: selectedOwn.title })}>
          <span>{t('rfp.templates.confirmDelete', { name: selectedOwn.title })}</span>{' '}
          <button
            type="button"
            className="button"
            disabled={disabled}
            onClick={() => {
              void remove();
            }}
          >
            {t('rfp.templates.delete')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('rfp.templates.keep')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="link-button"
          disabled={disabled}
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('rfp.templates.deleteNamed', { name: selectedOwn.title })}
        </button>
      )}
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
