/**
 * One action item as a table row: title, provider when the list spans providers, owner, due date
 * with an overdue marker in words, status, and the buttons that change, edit and delete it. The
 * edit form opens in a row under it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem } from '@shared/domain/governance';
import type { CalendarDate, Provider } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';
import { ActionStatusButton } from './ActionStatusButton';
import { isOverdue } from './meetingLists';
import { ActionForm, DeleteOutcomeButton } from './OutcomeEditors';

interface ActionRowProps {
  readonly action: ActionItem;
  readonly today: CalendarDate;
  /** Providers an action outside a meeting may move to. */
  readonly providers: readonly Provider[];
  /** Name shown in a provider column, which the row has only when this is set. */
  readonly providerName?: string;
  readonly namesListId?: string;
}

export function ActionRow({ action, today, providers, providerName, namesListId }: ActionRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const overdue = isOverdue(action, today);
  const columns = providerName === undefined ? 5 : 6;
  return (
    <>
      <tr data-testid="action-row">
        <th scope="row">{action.title}</th>
        {providerName === undefined ? null : <td>{providerName}</td>}
        <td>{action.owner === '' ? <span className="muted">{t('meetings.actions.noOwner')}</span> : action.owner}</td>
        <td>
          {action.dueDate === null ? (
            <span className="muted">{t('meetings.actions.noDueDate')}</span>
          ) : (
            formatCalendarDate(action.dueDate, userLocale)
          )}
          {overdue ? (
            <>
              {' '}
              <span className="kind-badge breach">{t('meetings.actions.overdue')}</span>
            </>
          ) : null}
        </td>
        <td>
          {t(`profile.actionStatuses.${action.status}`)}
          {action.completedOn === null
            ? null
            : ` ${t('meetings.actions.completedOn', { date: formatCalendarDate(action.completedOn, userLocale) })}`}
        </td>
        <td>
          <div className="button-row">
            <ActionStatusButton action={action} today={today} />
            <button
              type="button"
              className="button"
              aria-expanded={editing}
              aria-label={t('meetings.actions.editNamed', { name: action.title })}
              onClick={() => {
                setEditing(!editing);
              }}
            >
              {t('meetings.actions.edit')}
            </button>
            <DeleteOutcomeButton kind="action" id={action.id} name={action.title} />
          </div>
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={columns}>
            <ActionForm
              action={action}
              providers={providers}
              today={today}
              {...(namesListId === undefined ? {} : { namesListId })}
              onClose={() => {
                setEditing(false);
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}
