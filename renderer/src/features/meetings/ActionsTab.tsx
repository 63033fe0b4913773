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
import { OutcomeTable, ProviderFilter } from './OutcomeTable';
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
  let emptyText: string | null = null;
  if (data.actionItems.length === 0) emptyText = t('meetings.actionList.none');
  else if (actions.length === 0) emptyText = t('meetings.actionList.noneMatch');

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
        <ProviderFilter providers={providers} value={providerId} onChange={setProviderId} />
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
      <OutcomeTable
        caption={t('meetings.actionList.heading')}
        columns={[
          t('meetings.actions.title'),
          t('meetings.fields.provider'),
          t('meetings.actions.owner'),
          t('meetings.actions.dueDate'),
          t('meetings.actions.status'),
          t('meetings.actions.change'),
        ]}
        emptyText={emptyText}
      >
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
      </OutcomeTable>
      <datalist id={namesListId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <ActionForm action={null} providers={providers} today={today} namesListId={namesListId} onClose={() => undefined} />
    </section>
  );
}
