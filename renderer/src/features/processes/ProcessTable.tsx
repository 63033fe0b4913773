import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Process } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { deleteProcess } from './processEdits';
import { groupByFunction } from './processRows';

interface ProcessTableProps {
  /** Processes to show, already filtered and sorted. */
  readonly processes: readonly Process[];
  readonly providerNames: ReadonlyMap<Id, string>;
  readonly contractTitles: ReadonlyMap<Id, string>;
  readonly onEdit: (process: Process) => void;
}

/** The inventory as one table per business function, each row with Edit and Delete (which requests confirmation first). */
export function ProcessTable({ processes, providerNames, contractTitles, onEdit }: ProcessTableProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [confirming, setConfirming] = useState<Id | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async (process: Process) => {
    setFailure(null);
    try {
      await deleteProcess(db, process.id, await getDeviceContext());
      setConfirming(null);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Deleting process ${process.id} failed`)));
    }
  };
  const none = (text: string) => <span className="muted">{text}</span>;

  return (
    <div data-testid="process-table">
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      {groupByFunction(processes).map((group) => {
        const functionName = t(`profile.processFunctions.${group.function}`);
        return (
          <section key={group.function} className="panel" aria-labelledby={`process-group-${group.function}`}>
            <h2 id={`process-group-${group.function}`}>
              {t('processes.groupTitle', { name: functionName, count: group.processes.length })}
            </h2>
            <table className="results-table" aria-label={t('processes.tableLabel', { name: functionName })}>
              <thead>
                <tr>
                  <th scope="col">{t('processes.fields.name')}</th>
                  <th scope="col">{t('processes.fields.function')}</th>
                  <th scope="col">{t('processes.fields.provider')}</th>
                  <th scope="col">{t('processes.fields.contract')}</th>
                  <th scope="col">{t('processes.fields.readiness')}</th>
                  <th scope="col">{t('processes.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {group.processes.map((process) => (
                  <tr key={process.id} data-testid={`process-row-${process.id}`}>
                    <th scope="row">{process.name}</th>
                    <td>{functionName}</td>
                    <td>
                      {process.providerId === null
                        ? none(t('processes.noProvider'))
                        : (providerNames.get(process.providerId) ?? none(t('processes.unknownRecord')))}
                    </td>
                    <td>
                      {process.contractId === null
                        ? none(t('processes.noContract'))
                        : (contractTitles.get(process.contractId) ?? none(t('processes.unknownRecord')))}
                    </td>
                    <td>{t(`profile.readiness.${process.readiness}`)}</td>
                    <td>
                      {confirming === process.id ? (
                        <span role="group" aria-label={t('processes.confirmDelete', { name: process.name })}>
                          {t('processes.confirmDelete', { name: process.name })}{' '}
                          <button
                            type="button"
                            className="button"
                            onClick={() => {
                              void remove(process);
                            }}
                          >
                            {t('processes.deleteConfirmed')}
                          </button>{' '}
                          <button
                            type="button"
                            className="button"
                            onClick={() => {
                              setConfirming(null);
                            }}
                          >
                            {t('processes.keep')}
                          </button>
                        </span>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button"
                            onClick={() => {
                              onEdit(process);
                            }}
                          >
                            {t('processes.edit', { name: process.name })}
                          </button>{' '}
                          <button
                            type="button"
                            className="button"
                            onClick={() => {
                              setConfirming(process.id);
                            }}
                          >
                            {t('processes.delete', { name: process.name })}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
