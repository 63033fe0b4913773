/** Edit and delete buttons of a decision, with the edit form opening under them. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '@shared/domain/governance';
import { DecisionEditForm, DeleteOutcomeButton } from './OutcomeEditors';

export function DecisionControls({ decision, namesListId }: { readonly decision: Decision; readonly namesListId?: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <span className="button-row">
        <button
          type="button"
          className="button"
          aria-expanded={editing}
          aria-label={t('meetings.decisions.editNamed', { name: decision.text })}
          onClick={() => {
            setEditing(!editing);
          }}
        >
          {t('meetings.decisions.edit')}
        </button>
        <DeleteOutcomeButton kind="decision" id={decision.id} name={decision.text} />
      </span>
      {editing ? (
        <DecisionEditForm
          decision={decision}
          {...(namesListId === undefined ? {} : { namesListId })}
          onClose={() => {
            setEditing(false);
          }}
        />
      ) : null}
    </>
  );
}
