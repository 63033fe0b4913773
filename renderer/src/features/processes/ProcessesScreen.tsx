import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Process, ProcessFunction } from '@shared/domain/providerProfile';
import { processFunctions } from '@shared/forms/process';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import type { ProcessesView } from '../../state/uiStore';
import { ProcessForm } from './ProcessForm';
import { filterProcesses } from './processRows';
import type { ProcessFilter } from './processRows';
import { ProcessTable } from './ProcessTable';
import { ReadinessBoard } from './ReadinessBoard';
import { useProcessData } from './useProcessData';
import './processes.css';

interface ProcessesScreenProps {
  readonly view: ProcessesView;
  /** Provider the screen is filtered to, `'none'` for processes without one, or `null` for all. */
  readonly providerId: string | null;
}

/**
 * The Processes screen: the inventory of outsourced processes as tables by business function or as
 * the readiness board, filtered by provider and function, with a form to add and edit processes.
 */
export function ProcessesScreen({ view, providerId }: ProcessesScreenProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const data = useProcessData();
  const [functionFilter, setFunctionFilter] = useState<ProcessFunction | null>(null);
  // `undefined` while no form is open, `null` for the add form.
  const [editing, setEditing] = useState<Process | null | undefined>(undefined);

  const shown = useMemo(() => {
    const filter: ProcessFilter = { providerId, function: functionFilter };
    return data === undefined ? [] : filterProcesses(data.processes, filter, userLocale);
  }, [data, providerId, functionFilter]);
  const providerNames = useMemo(() => new Map(data?.providers.map((provider) => [provider.id, provider.name])), [data]);
  const contractTitles = useMemo(() => new Map(data?.contracts.map((contract) => [contract.id, contract.title])), [data]);
  const providers = useMemo(() => [...(data?.providers ?? [])].sort((a, b) => a.name.localeCompare(b.name, userLocale)), [data]);

  const go = (next: { view?: ProcessesView; providerId?: string | null }) => {
    const nextProvider = next.providerId === undefined ? providerId : next.providerId;
    navigate({ name: 'processes', view: next.view ?? view, ...(nextProvider === null ? {} : { providerId: nextProvider }) });
  };

  return (
    <section aria-labelledby="processes-title">
      <h1 id="processes-title">{t('processes.title')}</h1>
      <p className="muted">{t('processes.intro')}</p>
      <div className="toolbar">
        <label>
          {t('processes.filterProvider')}
          <select
            value={providerId ?? ''}
            onChange={(event) => {
              go({ providerId: event.target.value === '' ? null : event.target.value });
            }}
          >
            <option value="">{t('processes.allProviders')}</option>
            <option value="none">{t('processes.noProvider')}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('processes.filterFunction')}
          <select
            value={functionFilter ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              setFunctionFilter(processFunctions.find((name) => name === value) ?? null);
            }}
          >
            <option value="">{t('processes.allFunctions')}</option>
            {processFunctions.map((name) => (
              <option key={name} value={name}>
                {t(`profile.processFunctions.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button primary toolbar-end"
          disabled={data === undefined}
          onClick={() => {
            setEditing(null);
          }}
        >
          {t('processes.addProcess')}
        </button>
      </div>
      {data !== undefined && editing !== undefined ? (
        <ProcessForm
          key={editing?.id ?? 'new'}
          data={data}
          process={editing}
          providerId={providerId === null || providerId === 'none' ? null : providerId}
          onClose={() => {
            setEditing(undefined);
          }}
        />
      ) : null}
      <div className="tabs" role="tablist" aria-label={t('processes.viewsLabel')}>
        {(['table', 'board'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            onClick={() => {
              go({ view: name });
            }}
          >
            {t(`processes.views.${name}`)}
          </button>
        ))}
      </div>
      {data === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {data !== undefined && data.processes.length === 0 ? <p className="muted">{t('processes.none')}</p> : null}
      {data !== undefined && data.processes.length > 0 && shown.length === 0 ? <p className="muted">{t('processes.noneMatch')}</p> : null}
      {data !== undefined && shown.length > 0 && view === 'table' ? (
        <ProcessTable processes={shown} providerNames={providerNames} contractTitles={contractTitles} onEdit={setEditing} />
      ) : null}
      {data !== undefined && data.processes.length > 0 && view === 'board' ? (
        <ReadinessBoard processes={shown} providerNames={providerNames} />
      ) : null}
    </section>
  );
}
