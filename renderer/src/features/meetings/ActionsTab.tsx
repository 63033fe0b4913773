/**
 * Every action item with its owner, due date, status and an overdue marker, filtered by owner,
 * provider and status, with the form that adds an action item outside a meeting.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '@shared/domain/governance';
import type { CalendarDate, Provider } from '@shared/domain/types';
import { filterActions, nameSuggestions } from './meetingLists';
import { ActionRow } from './ActionRow';
import { ActionForm } from './OutcomeEditors';
import type { GovernanceData } from './useGovernanceData';

const statuses: readonly ActionStatus[] = ['open', 'done'];

interface ActionsTabProps {
  readonly data: GovernanceData;
  readonly providers: readonly Provider[];
  readonly today: CalendarDate;
}

export function ActionsTab({ data, providers, today }: ActionsTabProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [owner, setOwner] = useState('');
  const [providerId, setProviderId] = useState('');
  const [status, setStatus] = useState<ActionStatus | ''>('open');
  const namesListId = useId();
  const owners = nameSuggestions(data.actionItems.map((action) => action.owner));
  const names = nameSuggestions(
    data.contacts.map((contact) => contact.name),
    data.userNames,
    data.actionItems.map((action) => action.owner),
  );
  const actions = filterActions(data.actionItems, {
    owner: owner === '' ? null : owner,
    providerId: providerId === '' ? null : providerId,
    status: status === '' ? null : status,
  });
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="actions-tab">
      <h2 id={titleId}>{t('meetings.actionList.heading')}</h2>
      <div className="toolbar">
        <label>
          {t('meetings.actions.owner')}
          <select
            data-testid="action-owner-filter"
            value={owner}
            onChange={(event) => {
              setOwner(event.target.value);
            }}
          >
            <option value="">{t('meetings.filters.allOwners')}</option>
            {owners.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meetings.fields.provider')}
          <select
            value={providerId}
            onChange={(event) => {
              setProviderId(event.target.value);
            }}
          >
            <option value="">{t('meetings.filters.allProviders')}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meetings.actions.status')}
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ActionStatus | '');
            }}
          >
            <option value="">{t('meetings.filters.allStatuses')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`profile.actionStatuses.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {actions.length === 0 ? (
        <p className="muted">{data.actionItems.length === 0 ? t('meetings.actionList.none') : t('meetings.actionList.noneMatch')}</p>
      ) : (
        <table className="results-table">
          <caption className="visually-hidden">{t('meetings.actionList.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.actions.title')}</th>
              <th scope="col">{t('meetings.fields.provider')}</th>
              <th scope="col">{t('meetings.actions.owner')}</th>
              <th scope="col">{t('meetings.actions.dueDate')}</th>
              <th scope="col">{t('meetings.actions.status')}</th>
              <th scope="col">{t('meetings.actions.change')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <ActionRow
                key={action.id}
                action={action}
                today={today}
                providers={providers}
                namesListId={namesListId}
                providerName={
                  action.providerId === null
                    ? t('meetings.log.portfolioWide')
                    : (providerNames.get(action.providerId) ?? t('meetings.unknownProvider'))
                }
              />
            ))}
          </tbody>
        </table>
      )}
      <datalist id={namesListId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <ActionForm action={null} providers={providers} today={today} namesListId={namesListId} onClose={() => undefined} />
    </section>
  );
}
